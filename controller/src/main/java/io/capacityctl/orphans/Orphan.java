package io.capacityctl.orphans;

import io.capacityctl.ports.ProvisionedThroughput;

/**
 * A PT bought by capacityctl that no controller will manage or remove: another configuration's that
 * no controller has claimed lately, or one of ours with a commitment that no configured model
 * claims (a committed PT is never deleted). Never touched; reported and counted in {@code
 * OrphanedUnits}.
 *
 * @param config the configuration it was bought for ({@code capacityctl:config})
 * @param why why nobody manages it, e.g. "no controller has claimed 'shop' since ..."
 * @param hourlyUsd what it bills per hour ({@link UnitPrices})
 */
public record Orphan(ProvisionedThroughput pt, String config, String why, double hourlyUsd) {}
