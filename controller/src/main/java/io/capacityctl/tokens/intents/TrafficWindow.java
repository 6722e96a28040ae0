package io.capacityctl.tokens.intents;

import java.time.LocalTime;

/**
 * A local-time window of the day and the share of peak traffic it carries; {@code capacityctl
 * tokens estimate --emit-schedule} turns it into a schedule window with {@code expectedTps}. Same
 * time rules as the capacity config's schedule ({@code from == to} is the whole day, {@code to <
 * from} wraps midnight).
 *
 * @param share requests per second in this window as a share of each intent's peak, 0..1
 */
public record TrafficWindow(LocalTime from, LocalTime to, double share, int line) {}
