"""Static URLs carry a hash of the file, so nginx may let browsers cache them for a year."""

import hashlib
from pathlib import Path

from flask import url_for


def test_static_urls_carry_the_file_hash(app, client):
    with app.test_request_context():
        url = url_for("static", filename="css/app.css")
        missing = url_for("static", filename="css/no-such.css")
    digest = hashlib.sha256(Path(app.static_folder, "css/app.css").read_bytes()).hexdigest()
    assert url == f"/static/css/app.css?v={digest[:12]}"
    assert missing == "/static/css/no-such.css"
    response = client.get(url)
    assert response.status_code == 200
    response.close()
    assert f'href="{url}"' in client.get("/login").get_data(as_text=True)
