from __future__ import annotations

from ilomo.journal.store import MemoryStore, ReflectionStore


def test_memory_store() -> None:
    store = MemoryStore()
    assert isinstance(store, ReflectionStore)
    assert store.load("x") == {}
    store.save("x", "q1", "eerste")
    store.save("x", "q1", "tweede")
    store.save("y", "q1", "ander")
    assert store.load("x") == {"q1": "tweede"}
    store.load("x")["q1"] = "changed"  # a copy: callers cannot change the store by accident
    assert store.load("x") == {"q1": "tweede"}
