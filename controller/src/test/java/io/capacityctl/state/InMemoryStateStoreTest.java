package io.capacityctl.state;

/** The state contract against the in-memory doubles used by tests and the simulator. */
class InMemoryStateStoreTest extends StateStoreContract {
  private final InMemoryLeaseTable leases = new InMemoryLeaseTable();
  private final InMemoryStateStore store = new InMemoryStateStore(leases);

  @Override
  protected StateStore store() {
    return store;
  }

  @Override
  protected LeaseTable leaseTable() {
    return leases;
  }
}
