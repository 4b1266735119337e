from pathlib import Path

import pytest

from scamguard.directory import Directory

FIXTURES = Path(__file__).parent / "fixtures"
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "telecom_fraud_texts_5"


@pytest.fixture(scope="session")
def mini_directory() -> Directory:
    return Directory.load(FIXTURES / "mini_directory.json", include_bundled=False)


@pytest.fixture(scope="session")
def rules_only(mini_directory):
    from scamguard.detector import Detector

    return Detector(model=None, directory=mini_directory)


@pytest.fixture(scope="session")
def trained_tiny(tmp_path_factory, mini_directory):
    """A model trained on the tiny fixture corpus (seconds), for tests of the machinery."""
    from scamguard.training import train

    out = tmp_path_factory.mktemp("models") / "tiny"
    train(base=True, corpus=FIXTURES / "tiny_corpus.csv", directory=mini_directory, compare_with=False,
          output=out, max_fpr=0.0, name="tiny")
    return out


@pytest.fixture(scope="session")
def tiny_detector(trained_tiny, mini_directory):
    from scamguard.detector import Detector

    return Detector.load(trained_tiny, directory=mini_directory)
