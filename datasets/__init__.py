"""The project-written corpus; a package only so that ``pip install`` carries ``sms_corpus.csv``
as ``scamguard.datasets`` (see ``package_dir`` in setup.cfg). Build scripts live in ``datasets/tools``."""
