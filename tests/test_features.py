"""Feature extraction details that must not drift."""
import jieba

from scamguard.features import _initialize_quickly


def test_quick_dictionary_load_equals_jiebas_own():
    quick, own = jieba.Tokenizer(), jieba.Tokenizer()
    _initialize_quickly(quick)
    own.initialize()
    assert quick.initialized and quick.total == own.total and quick.FREQ == own.FREQ
