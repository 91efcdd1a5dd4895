"""Administrative documents (Decree 30/2020/NĐ-CP) written with python-docx."""
