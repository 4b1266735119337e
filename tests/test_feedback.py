import pytest

from scamguard.errors import DataFileError
from scamguard.feedback import FeedbackFile


def test_add_duplicate_contradiction_forget(tmp_path):
    fb = FeedbackFile(tmp_path / "fb.csv")
    assert "added" in fb.add("刷单返利，日结300", "scam")
    assert "already" in fb.add("刷单返利， 日结300", "scam")  # same after normalisation
    with pytest.raises(DataFileError, match="labelled scam"):
        fb.add("刷单返利，日结300", "legit")
    assert len(fb.rows()) == 1
    assert "removed" in fb.forget("刷单返利，日结300")
    assert fb.rows() == []


def test_feedback_file_trains(tmp_path, mini_directory):
    from scamguard.training import prepare_labelled
    from scamguard.io import read_frame

    fb = FeedbackFile(tmp_path / "fb.csv")
    fb.add("刷单返利，日结300", "scam")
    fb.add("今晚一起吃饭吗", "legit")
    df = prepare_labelled(read_frame(fb.path))
    assert list(df["y"]) == [1, 0]
