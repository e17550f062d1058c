package dev.backcoach.core.service;

/** The in-memory store keeps the same promises as the databases, so tests on it mean something. */
class InMemoryStateStoreTest extends StateStoreContract<InMemoryStateStore> {
    @Override
    protected InMemoryStateStore newStore() {
        return new InMemoryStateStore();
    }
}
