"""Model files: round trip, tamper detection, foreign versions, never executing stored code."""
import json
import shutil

import numpy as np
import pytest

from scamguard.errors import ModelLoadError
from scamguard.model import FORMAT, LinearModel, choose_threshold


@pytest.fixture()
def model_dir(trained_tiny, tmp_path):
    path = tmp_path / "m"
    shutil.copytree(trained_tiny, path)
    return path


def test_round_trip_gives_identical_scores(model_dir):
    m = LinearModel.load(model_dir)
    m.save(model_dir.parent / "again")
    m2 = LinearModel.load(model_dir.parent / "again")
    rows = [{"w:安全账户": 1.0, "r:lookalike_domain": 1.0}, {"w:验证码": 1.0}]
    assert np.allclose(m.probability(m.transform(rows)), m2.probability(m2.transform(rows)))


def test_tampered_weights_are_refused(model_dir):
    data = bytearray((model_dir / "weights.npz").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (model_dir / "weights.npz").write_bytes(bytes(data))
    with pytest.raises(ModelLoadError, match="checksum"):
        LinearModel.load(model_dir)


def test_tampered_vocabulary_is_refused(model_dir):
    meta = json.loads((model_dir / "model.json").read_text("utf-8"))
    meta["threshold"] = 0.01
    (model_dir / "model.json").write_text(json.dumps(meta), "utf-8")
    with pytest.raises(ModelLoadError, match="modified or damaged"):
        LinearModel.load(model_dir)


def test_pickle_payload_is_never_loaded(model_dir):
    import pickle

    class Boom:
        def __reduce__(self):
            return (exec, ("raise SystemExit('code ran')",))

    np.savez(model_dir / "weights.npz", idf=np.array([pickle.dumps(Boom())], dtype=object), coef=np.zeros(1))
    manifest = json.loads((model_dir / "manifest.json").read_text())
    import hashlib

    manifest["sha256"]["weights.npz"] = hashlib.sha256((model_dir / "weights.npz").read_bytes()).hexdigest()
    (model_dir / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelLoadError, match="malformed"):
        LinearModel.load(model_dir)  # allow_pickle=False refuses the object array


def test_other_scikit_learn_version_still_loads(model_dir):
    meta = json.loads((model_dir / "model.json").read_text("utf-8"))
    meta["card"]["library_versions"]["scikit-learn"] = "0.24.2"
    (model_dir / "model.json").write_text(json.dumps(meta), "utf-8")
    _refresh_manifest(model_dir)
    m = LinearModel.load(model_dir)
    assert m.card["library_versions"]["scikit-learn"] == "0.24.2"


def test_unknown_format_fails_clearly(model_dir):
    manifest = json.loads((model_dir / "manifest.json").read_text())
    manifest["format"] = "scamguard-linear/99"
    (model_dir / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelLoadError, match=f"this scamguard reads {FORMAT!r}"):
        LinearModel.load(model_dir)


def test_missing_directory_fails_clearly(tmp_path):
    with pytest.raises(ModelLoadError, match="no model directory"):
        LinearModel.load(tmp_path / "nope")


def _refresh_manifest(path):
    import hashlib

    manifest = json.loads((path / "manifest.json").read_text())
    for name in ("model.json", "weights.npz"):
        manifest["sha256"][name] = hashlib.sha256((path / name).read_bytes()).hexdigest()
    (path / "manifest.json").write_text(json.dumps(manifest))


def test_choose_threshold_respects_fpr():
    scores = np.array([0.1, 0.2, 0.3, 0.9, 0.8, 0.95, 0.4])
    labels = np.array([0, 0, 0, 1, 1, 1, 0])
    t = choose_threshold(scores, labels, max_fpr=0.0)
    assert 0.4 < t <= 0.8


def test_detector_save_and_load(tiny_detector, tmp_path, mini_directory):
    from scamguard.detector import Detector

    text = "【Apple】您的Apple ID已被锁定，请致电 4008-015-726 解锁"
    path = tiny_detector.save(tmp_path / "saved")
    assert (path / "MODEL_CARD.md").exists()
    again = Detector.load(path, directory=mini_directory)
    assert again.check(text).score == pytest.approx(tiny_detector.check(text).score)


def test_contributions_match_a_heap_per_row():
    """The batched top-k gives what heapq gives row by row, ties in column order included."""
    import heapq

    import scipy.sparse as sp

    rng = np.random.default_rng(0)
    terms = [f"w:{i}" for i in range(40)] + ["r:rule_a", "r:rule_b"]
    coef = rng.choice([-1.0, -0.5, 0.0, 0.5, 1.0], size=len(terms))
    m = LinearModel(terms, np.ones(len(terms)), coef, 0.0, (1.0, 0.0), 0.5)
    dense = rng.choice([0.0, 0.0, 0.5, 1.0], size=(30, len(terms)))
    dense[3] = 0.0  # a row with no features at all
    X = sp.csr_matrix(dense)
    contrib = (X.data * coef[X.indices]).tolist()
    for r, (up, down) in enumerate(m.contributions(X, k=4)):
        span = [j for j in range(X.indptr[r], X.indptr[r + 1]) if not terms[X.indices[j]].startswith("r:")]
        want_up = heapq.nlargest(4, (j for j in span if contrib[j] > 1e-9), key=contrib.__getitem__)
        want_down = heapq.nsmallest(4, (j for j in span if contrib[j] < -1e-9), key=contrib.__getitem__)
        assert up == [(terms[X.indices[j]], contrib[j]) for j in want_up]
        assert down == [(terms[X.indices[j]], contrib[j]) for j in want_down]
