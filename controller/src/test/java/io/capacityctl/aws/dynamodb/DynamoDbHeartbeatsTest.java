package io.capacityctl.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.ports.ConfigHeartbeat;
import io.capacityctl.ports.HeartbeatsApi;
import io.capacityctl.ports.HeartbeatsContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * The heartbeat contract on DynamoDB Local, plus the item's exact key and TTL: its own partition
 * {@code HEARTBEAT#<config>} (what IAM's {@code dynamodb:LeadingKeys} lets other configurations'
 * roles read), and a TTL a week after the claim ends.
 */
class DynamoDbHeartbeatsTest extends HeartbeatsContract {
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static AmazonDynamoDBLocal local;
  private static DynamoDbClient dynamo;
  private String table;

  @BeforeAll
  static void startDynamoDbLocal() {
    local = DynamoDBEmbedded.create(true);
    dynamo = local.dynamoDbClient();
  }

  @AfterAll
  static void stopDynamoDbLocal() {
    local.shutdown();
  }

  @BeforeEach
  void freshTable() {
    table = "capacityctl-hb-" + TABLES.incrementAndGet();
    StateTableFixture.create(dynamo, table);
  }

  @Override
  protected HeartbeatsApi heartbeats() {
    return new DynamoDbHeartbeats(dynamo);
  }

  @Override
  protected String table() {
    return table;
  }

  @Test
  void theItemLivesInTheConfigurationsHeartbeatPartitionWithATtlAWeekAfterItsClaim() {
    ConfigHeartbeat beat =
        new ConfigHeartbeat("shop", AT, AT.plus(Duration.ofMinutes(10)), List.of(), Map.of());

    heartbeats().write(table, beat);

    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r ->
                    r.tableName(table)
                        .key(
                            Map.of(
                                StateTable.PK,
                                AttributeValue.fromS("HEARTBEAT#shop"),
                                StateTable.SK,
                                AttributeValue.fromS("HEARTBEAT"))))
            .item();
    assertThat(item).isNotEmpty();
    assertThat(item.get(StateTable.TTL).n())
        .isEqualTo(
            Long.toString(
                AT.plus(Duration.ofMinutes(10)).plus(Duration.ofDays(7)).getEpochSecond()));
    assertThat(StatePartitions.heartbeat("shop")).isEqualTo("HEARTBEAT#shop");
  }
}
