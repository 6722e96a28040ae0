package io.capacityctl.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.capacityctl.config.PolicyConfig;
import io.capacityctl.ports.ProvisionedThroughput;
import io.capacityctl.ports.PtStatus;
import io.capacityctl.routing.ModelRoutes;
import io.capacityctl.routing.Route;
import io.capacityctl.state.PurchaseIntent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * From target units to PT actions: blocks, idempotent names, purchases sent again until listed,
 * safe scale-down, drain, cleanup.
 */
class PoolPlannerTest {
  private static final Instant NOW = Instant.parse("2027-01-06T12:00:20Z");
  private static final String PREFIX = "capacityctl-shop-";
  private static final PolicyConfig BLOCKS_OF_4 =
      new PolicyConfig(
          0.8,
          Duration.ofMinutes(2),
          Duration.ofMinutes(10),
          0.6,
          4,
          0.7,
          Duration.ofMinutes(2),
          Duration.ofMinutes(5),
          0.3,
          PolicyConfig.DEFAULT_THROTTLE_BUDGET);
  private static final PoolPlanner PLANNER = new PoolPlanner("shop", PREFIX, BLOCKS_OF_4);
  private static final Map<String, String> OURS =
      Map.of(
          ProvisionedThroughput.TAG_MANAGED_BY, ProvisionedThroughput.MANAGED_BY_VALUE,
          ProvisionedThroughput.TAG_CONFIG, "shop",
          ProvisionedThroughput.TAG_MODEL, "sonnet");

  private final List<ProvisionedThroughput> pts = new ArrayList<>();
  private final List<Route> routes = new ArrayList<>();
  private final List<PurchaseIntent> purchases = new ArrayList<>();

  private String add(int units, PtStatus status, boolean committed, Map<String, String> tags) {
    String arn = "arn:pt/" + (pts.size() + 1);
    pts.add(
        new ProvisionedThroughput(
            arn,
            "pt" + pts.size(),
            "anthropic.sonnet",
            units,
            status,
            committed,
            NOW.minus(Duration.ofHours(1)),
            tags,
            status == PtStatus.FAILED ? "capacity unavailable" : null));
    return arn;
  }

  private String ours(int units, PtStatus status) {
    return add(units, status, false, OURS);
  }

  /** A purchase recorded {@code ago} before {@link #NOW} and not forgotten. */
  private PurchaseIntent recorded(String model, String token, int units, Duration ago) {
    Instant at = NOW.minus(ago);
    PurchaseIntent p =
        new PurchaseIntent(
            model, PREFIX + model + "-" + token, units, token, at, at.plus(Duration.ofHours(1)));
    purchases.add(p);
    return p;
  }

  private ModelPool pool() {
    return ModelPool.of(
        "shop", "sonnet", pts, new ModelRoutes("anthropic.sonnet", routes), purchases);
  }

  private String draining(int units, Duration since) {
    String arn = ours(units, PtStatus.IN_SERVICE);
    routes.add(new Route(arn, units, NOW.minus(since)));
    return arn;
  }

  private List<PtAction> actions(int target, Instant at) {
    ModelPool pool =
        ModelPool.of("shop", "sonnet", pts, new ModelRoutes("anthropic.sonnet", routes), purchases);
    return PLANNER.actions(pool, target, at);
  }

  @Test
  void theRoutedArnsAreTheRoutesNotDraining() {
    String serving = ours(2, PtStatus.IN_SERVICE);
    String updating = ours(1, PtStatus.UPDATING);
    draining(1, Duration.ofMinutes(3));
    ours(1, PtStatus.CREATING);
    ours(1, PtStatus.FAILED);
    String committedInService = add(4, PtStatus.IN_SERVICE, true, Map.of());
    add(4, PtStatus.CREATING, true, Map.of());
    add(3, PtStatus.IN_SERVICE, false, Map.of("owner", "someone else"));

    ModelPool pool = pool();

    assertThat(pool.routedArns())
        .containsExactlyInAnyOrder(committedInService, serving, updating)
        .containsExactlyInAnyOrderElementsOf(
            pool.routes().stream().filter(r -> !r.draining()).map(Route::arn).toList());
    // As the metrics adapter reads them, made when asked.
    Map<String, java.util.Set<String>> read = new RoutedArns(Map.of("sonnet", pool));
    assertThat(read.getOrDefault("sonnet", java.util.Set.of()))
        .containsExactlyInAnyOrder(committedInService, serving, updating);
    assertThat(read.get("haiku")).as("no pool, no set: as a map of the pools").isNull();
    assertThat(read).isEqualTo(Map.of("sonnet", pool.routedArns()));
  }

  private static <T extends PtAction> List<T> only(List<PtAction> actions, Class<T> type) {
    return actions.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void scaleUpCreatesBlocksOfBlockUnits() {
    ours(2, PtStatus.IN_SERVICE);

    List<PtAction> actions = actions(12, NOW);

    assertThat(actions).allMatch(a -> a instanceof PtAction.Create);
    assertThat(only(actions, PtAction.Create.class))
        .extracting(PtAction.Create::units)
        .containsExactly(4, 4, 2);
    assertThat(only(actions, PtAction.Create.class))
        .extracting(PtAction.Create::name)
        .containsExactly(
            PREFIX + "sonnet-20270106T1200-s3",
            PREFIX + "sonnet-20270106T1200-s7",
            PREFIX + "sonnet-20270106T1200-s11");
  }

  @Test
  void theSameMinuteGivesTheSameTokensAndAnotherMinuteDifferentOnes() {
    List<String> first = tokens(actions(3, NOW));
    List<String> retried = tokens(actions(3, NOW.plusSeconds(30))); // 12:00:50, same minute
    List<String> nextMinute = tokens(actions(3, NOW.plusSeconds(60)));

    assertThat(first).hasSize(1).doesNotHaveDuplicates();
    assertThat(retried).isEqualTo(first);
    assertThat(nextMinute).doesNotContainAnyElementsOf(first);
  }

  @Test
  void tokensDifferPerSlotAndPerConfig() {
    PoolPlanner other = new PoolPlanner("other", PREFIX, PolicyConfig.DEFAULTS);
    List<String> ours =
        tokens(
            new PoolPlanner("shop", PREFIX, PolicyConfig.DEFAULTS)
                .actions(ModelPool.of("shop", "sonnet", pts, null, List.of()), 3, NOW));
    List<String> theirs =
        tokens(other.actions(ModelPool.of("other", "sonnet", pts, null, List.of()), 3, NOW));

    assertThat(ours).hasSize(3).doesNotHaveDuplicates();
    assertThat(theirs).doesNotContainAnyElementsOf(ours);
  }

  @Test
  void scaleDownCancelsCreatingPtsFirstThenDrainsInServiceOnes() {
    String serving3 = ours(3, PtStatus.IN_SERVICE);
    String serving1 = ours(1, PtStatus.IN_SERVICE);
    ours(1, PtStatus.IN_SERVICE);
    String creating2 = ours(2, PtStatus.CREATING);
    String creating1 = ours(1, PtStatus.CREATING);

    List<PtAction> actions = actions(4, NOW); // 8 planned, 4 to go

    assertThat(actions)
        .containsExactly(
            new PtAction.Delete("sonnet", creating2, 2, "cancelled: not needed", true),
            new PtAction.Delete("sonnet", creating1, 1, "cancelled: not needed", true),
            new PtAction.Drain("sonnet", serving1, 1));
    assertThat(actions).noneMatch(a -> a instanceof PtAction.Drain d && d.arn().equals(serving3));
  }

  @Test
  void scaleDownNeverGoesBelowTheTarget() {
    ours(3, PtStatus.IN_SERVICE);

    // Removing the 3-unit PT would leave 0 < 1: keep it (excess capacity, never a shortfall).
    assertThat(actions(1, NOW)).isEmpty();
  }

  @Test
  void undrainsBeforeBuying() {
    ours(3, PtStatus.IN_SERVICE);
    String drained = draining(2, Duration.ofMinutes(1));

    List<PtAction> actions = actions(5, NOW);

    assertThat(actions).containsExactly(new PtAction.Undrain("sonnet", drained, 2));
  }

  @Test
  void deletesADrainedPtOnlyAfterTheDrainTime() {
    ours(3, PtStatus.IN_SERVICE);
    String recent = draining(1, Duration.ofSeconds(119));
    String done = draining(2, Duration.ofMinutes(2));

    List<PtAction> actions = actions(3, NOW);

    assertThat(actions).containsExactly(new PtAction.Delete("sonnet", done, 2, "drained", false));
    assertThat(actions).noneMatch(a -> a instanceof PtAction.Delete d && d.arn().equals(recent));
  }

  @Test
  void deletesOurFailedPts() {
    ours(2, PtStatus.IN_SERVICE);
    String failed = ours(1, PtStatus.FAILED);

    List<PtAction> actions = actions(2, NOW);

    assertThat(actions)
        .containsExactly(
            new PtAction.Delete("sonnet", failed, 1, "failed: capacity unavailable", false));
  }

  @Test
  void neverActsOnACommittedOrForeignPt() {
    add(4, PtStatus.IN_SERVICE, true, OURS); // committed, even if tagged as ours
    add(3, PtStatus.IN_SERVICE, false, Map.of("team", "search")); // not ours
    add(2, PtStatus.FAILED, false, Map.of()); // not ours, failed
    add(
        5,
        PtStatus.IN_SERVICE,
        false,
        Map.of(
            ProvisionedThroughput.TAG_MANAGED_BY, ProvisionedThroughput.MANAGED_BY_VALUE,
            ProvisionedThroughput.TAG_CONFIG, "another-config",
            ProvisionedThroughput.TAG_MODEL, "sonnet"));
    String mine = ours(1, PtStatus.IN_SERVICE);

    List<PtAction> down = actions(0, NOW);

    assertThat(down).containsExactly(new PtAction.Drain("sonnet", mine, 1));
  }

  @Test
  void committedUnitsCountTowardsTheTarget() {
    add(4, PtStatus.IN_SERVICE, true, Map.of());

    List<PtAction> up = actions(6, NOW);

    assertThat(only(up, PtAction.Create.class))
        .extracting(PtAction.Create::units)
        .containsExactly(2);
  }

  @Test
  void aPurchaseNotListedYetIsSentAgainWithItsOwnNameAndTokenBeforeAnythingNew() {
    ours(2, PtStatus.IN_SERVICE);
    PurchaseIntent lost = recorded("sonnet", "tok-lost", 4, Duration.ofMinutes(5));

    List<PtAction.Create> creates = only(actions(12, NOW), PtAction.Create.class);

    assertThat(creates.get(0))
        .isEqualTo(new PtAction.Create("sonnet", lost.name(), 4, "tok-lost", lost.recordedAt()));
    assertThat(creates.subList(1, creates.size()))
        .extracting(PtAction.Create::units, PtAction.Create::name, PtAction.Create::firstSent)
        .containsExactly(
            tuple(4, PREFIX + "sonnet-20270106T1200-s7", null),
            tuple(2, PREFIX + "sonnet-20270106T1200-s11", null));
  }

  @Test
  void aPendingPurchaseIsSentWholeEvenWhenFewerUnitsAreMissing() {
    ours(2, PtStatus.IN_SERVICE);
    recorded("sonnet", "tok-lost", 4, Duration.ofMinutes(5));

    // 1 unit missing: a new 1-unit PT could be a second purchase if the 4 units were bought.
    assertThat(tokens(actions(3, NOW))).containsExactly("tok-lost");
  }

  @Test
  void aPurchaseWhosePtIsListedIsDoneAndNotSentAgain() {
    PurchaseIntent done = recorded("sonnet", "tok-done", 1, Duration.ofMinutes(5));
    add(1, PtStatus.CREATING, false, withPurchase(OURS, "tok-done"));

    assertThat(pool().listedPurchases()).containsExactly(done);
    assertThat(pool().pendingPurchases()).isEmpty();
    assertThat(tokens(actions(2, NOW))).hasSize(1).doesNotContain("tok-done");
  }

  @Test
  void aPtCarryingThePurchaseTagButNotOursLeavesThePurchasePending() {
    PurchaseIntent p = recorded("sonnet", "tok-1", 1, Duration.ofMinutes(5));
    // Listed before its other tags are readable: not counted, so the purchase stays pending.
    add(1, PtStatus.CREATING, false, Map.of(ProvisionedThroughput.TAG_PURCHASE, "tok-1"));

    assertThat(pool().pendingPurchases()).containsExactly(p);
    assertThat(tokens(actions(1, NOW))).containsExactly("tok-1");
  }

  @Test
  void pendingPurchasesAreNotSentWithoutAScaleUpNorForAnotherModel() {
    ours(3, PtStatus.IN_SERVICE);
    recorded("sonnet", "tok-sonnet", 1, Duration.ofMinutes(5));
    recorded("haiku", "tok-haiku", 1, Duration.ofMinutes(5));

    assertThat(actions(3, NOW)).isEmpty();
    assertThat(tokens(actions(5, NOW)))
        .hasSize(2)
        .contains("tok-sonnet")
        .doesNotContain("tok-haiku");
  }

  @Test
  void aNewPurchaseNeverTakesThePendingOnesToken() {
    PoolPlanner ones = new PoolPlanner("shop", PREFIX, PolicyConfig.DEFAULTS);
    List<String> firstPass = tokens(ones.actions(pool(), 2, NOW)); // slots 1 and 2 this minute
    // Slot 2's PT is not listed; slot 1's went Failed and was deleted, in the same minute.
    purchases.add(
        new PurchaseIntent(
            "sonnet",
            PREFIX + "sonnet-20270106T1200-s2",
            1,
            firstPass.get(1),
            NOW,
            NOW.plusSeconds(3600)));

    List<PtAction.Create> retried =
        only(ones.actions(pool(), 2, NOW.plusSeconds(10)), PtAction.Create.class);

    assertThat(retried)
        .extracting(PtAction.Create::clientRequestToken)
        .hasSize(2)
        .doesNotHaveDuplicates()
        .startsWith(firstPass.get(1));
    assertThat(retried.get(1).name()).isEqualTo(PREFIX + "sonnet-20270106T1200-s3");
  }

  private static Map<String, String> withPurchase(Map<String, String> tags, String token) {
    Map<String, String> out = new HashMap<>(tags);
    out.put(ProvisionedThroughput.TAG_PURCHASE, token);
    return out;
  }

  private static List<String> tokens(List<PtAction> actions) {
    return only(actions, PtAction.Create.class).stream()
        .map(PtAction.Create::clientRequestToken)
        .toList();
  }
}
