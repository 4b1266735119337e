"""Shipped model directories; a package only so that ``pip install`` carries them as
``scamguard.models`` (see ``package_dir`` in setup.cfg)."""
