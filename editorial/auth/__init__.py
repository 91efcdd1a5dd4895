"""Users, roles, login and permissions."""
