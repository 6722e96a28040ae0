package io.capacityctl.reconcile;

import io.capacityctl.planner.Observation;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.routing.RouteTable;
import io.capacityctl.state.Creation;
import java.util.List;
import java.util.Map;

/**
 * Everything one pass read from the cloud: the planner's {@link Observation}, the pools behind it
 * and the last published routing table.
 *
 * @param pools per model key; a model whose PT list failed is absent
 * @param previousRoutes the routing table read at the start of the pass, or null
 * @param problems what could not be read, named
 * @param fleet every PT of the account as listed this pass (every model, every owner), or null when
 *     the list failed: the orphan sweep never acts on a partial view
 * @param creations the creation records read this pass (the planner's observed provisioning time;
 *     {@link CreationWatch} updates them after the pass acted), or null when they were unreadable
 */
public record Snapshot(
    Observation observation,
    Map<String, ModelPool> pools,
    RouteTable previousRoutes,
    List<String> problems,
    List<ProvisionedThroughput> fleet,
    List<Creation> creations) {}
