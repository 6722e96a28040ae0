package io.capacityctl.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * The sandbox file's JSON: records as objects, instants and durations as ISO strings, map keys
 * sorted (the same account writes the same bytes in every JVM), and the long per-minute series as
 * base64 of their doubles: exact, NaN included, and a third of the size of decimal text.
 */
final class SandboxJson {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .registerModule(
              new SimpleModule()
                  .addSerializer(double[].class, new DoublesOut())
                  .addDeserializer(double[].class, new DoublesIn()))
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

  private SandboxJson() {}

  /**
   * The id and generation of a sandbox file, read from its first fields only: a daemon asks at
   * every step whether anyone else wrote since its own last write.
   */
  static Optional<Sandbox.Version> version(InputStream in) throws IOException {
    try (JsonParser p = MAPPER.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      String id = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("id")) {
          id = p.getText();
        } else if (field.equals("generation")) {
          return Optional.of(new Sandbox.Version(id, p.getLongValue()));
        }
        p.skipChildren();
      }
      return Optional.empty();
    }
  }

  private static final class DoublesOut extends JsonSerializer<double[]> {
    @Override
    public void serialize(double[] values, JsonGenerator g, SerializerProvider s)
        throws IOException {
      ByteBuffer b =
          ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      b.asDoubleBuffer().put(values);
      g.writeBinary(b.array());
    }
  }

  private static final class DoublesIn extends JsonDeserializer<double[]> {
    @Override
    public double[] deserialize(JsonParser p, DeserializationContext c) throws IOException {
      ByteBuffer b = ByteBuffer.wrap(p.getBinaryValue()).order(ByteOrder.LITTLE_ENDIAN);
      double[] values = new double[b.remaining() / Double.BYTES];
      b.asDoubleBuffer().get(values);
      return values;
    }
  }
}
