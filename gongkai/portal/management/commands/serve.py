import os
import sys
from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


def listen_addresses(port, ipv6=Path("/proc/sys/net/ipv6")):
    """IPv6 and IPv4 at once (plan item 13 asks every government site to speak IPv6).

    On Linux an IPv6 socket on [::] also accepts IPv4 unless net.ipv6.bindv6only is set; only then
    a separate IPv4 socket is needed (both at once would otherwise collide).
    """
    if not ipv6.exists():
        return [f"0.0.0.0:{port}"]
    v6only = (ipv6 / "bindv6only").read_text().strip() == "1"
    return [f"[::]:{port}", f"0.0.0.0:{port}"] if v6only else [f"[::]:{port}"]


class Command(BaseCommand):
    help = gettext_lazy("Serve Gongkai with gunicorn on IPv4 and IPv6.")

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, metavar=_("PORT"),
                            help=_("the port (default 8000)"))
        parser.add_argument("--workers", type=int, default=2, metavar="N",
                            help=_("server processes (default 2)"))

    def handle(self, port, workers, **options):
        binds = listen_addresses(port)
        args = [sys.executable, "-m", "gunicorn", "gongkai.wsgi:application", "--workers", str(workers),
                "--access-logfile", "-"]
        for bind in binds:
            args += ["--bind", bind]
        self.stdout.write(_("Serving on %(binds)s: open http://127.0.0.1:%(port)s/ or http://[::1]:%(port)s/")
                          % {"binds": "、".join(binds), "port": port})
        sys.stdout.flush()
        os.execv(sys.executable, args)
