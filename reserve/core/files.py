"""Private files: stored under unguessable names, served only by a view that checked permission.

The view decides who may see the file, then returns `serve(field_file)`. How the bytes leave
depends on `PRIVATE_FILES_SERVER`:

- "django" (default, development): Django streams the file itself;
- "nginx": an empty answer with `X-Accel-Redirect: <PRIVATE_FILES_INTERNAL_URL><name>`, which
  nginx serves from an `internal` location (docs/deployment.md);
- "sendfile": an empty answer with `X-Sendfile: <absolute path>` (Apache mod_xsendfile,
  lighttpd).

`MEDIA_ROOT` must then not be published by the proxy as a whole: a private file has no public
address, only the view's.
"""

import mimetypes
import posixpath
import uuid
from pathlib import PurePosixPath
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import FileResponse, Http404, HttpResponse

SERVERS = ("django", "nginx", "sendfile")


def unguessable_name(folder: str, filename: str) -> str:
    """`folder/<random>.<ext>`: nothing in the stored name can be guessed or enumerated."""
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    return posixpath.join(folder, f"{uuid.uuid4().hex}{suffix}")


def serve(field_file, *, download_name: str = "", as_attachment: bool = False) -> HttpResponse:
    """The stored file, for a caller who already checked the permission; 404 when it is gone."""
    if not field_file or not field_file.storage.exists(field_file.name):
        raise Http404
    server = settings.PRIVATE_FILES_SERVER
    if server not in SERVERS:
        raise ImproperlyConfigured(f"PRIVATE_FILES_SERVER must be one of {SERVERS}")
    if server == "django":
        response = FileResponse(
            field_file.open("rb"), as_attachment=as_attachment, filename=download_name or None
        )
    else:
        response = HttpResponse(content_type=_content_type(field_file.name))
        if server == "nginx":
            response["X-Accel-Redirect"] = quote(
                settings.PRIVATE_FILES_INTERNAL_URL + field_file.name
            )
        else:
            response["X-Sendfile"] = field_file.path
        if download_name or as_attachment:
            disposition = "attachment" if as_attachment else "inline"
            name = quote(download_name or posixpath.basename(field_file.name))
            response["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{name}"
    # Shared caches must never keep a file that only some people may see.
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _content_type(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"
