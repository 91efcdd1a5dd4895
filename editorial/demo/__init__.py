"""The demo province: Sóc Trăng's 2023 plan (seed 001), its units and demo logins."""
