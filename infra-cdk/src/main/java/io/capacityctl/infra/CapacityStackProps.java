package io.capacityctl.infra;

import java.util.Objects;
import java.util.Optional;

/**
 * What one capacityctl stack is built from.
 *
 * @param lambdaAsset the lambda-handlers jar (lambda mode): a file or a directory
 * @param imageDirectory the Docker build context holding the Dockerfile (ECS mode)
 * @param alarmEmail an address subscribed to the alarm topic, if any
 */
public record CapacityStackProps(
    ConfigSource config,
    Mode mode,
    Optional<String> lambdaAsset,
    Optional<String> imageDirectory,
    Optional<String> alarmEmail) {

  public CapacityStackProps {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(mode, "mode");
    if (mode == Mode.LAMBDA && lambdaAsset.isEmpty()) {
      throw new IllegalArgumentException("lambda mode needs the lambda-handlers jar (lambdaAsset)");
    }
    if (mode == Mode.ECS && imageDirectory.isEmpty()) {
      throw new IllegalArgumentException(
          "ecs mode needs the Docker build context (imageDirectory)");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CapacityStackProps}; config and mode are required. */
  public static final class Builder {
    private ConfigSource config;
    private Mode mode;
    private String lambdaAsset;
    private String imageDirectory;
    private String alarmEmail;

    public Builder config(ConfigSource config) {
      this.config = config;
      return this;
    }

    public Builder mode(Mode mode) {
      this.mode = mode;
      return this;
    }

    public Builder lambdaAsset(String path) {
      this.lambdaAsset = path;
      return this;
    }

    public Builder imageDirectory(String path) {
      this.imageDirectory = path;
      return this;
    }

    public Builder alarmEmail(String email) {
      this.alarmEmail = email;
      return this;
    }

    public CapacityStackProps build() {
      return new CapacityStackProps(
          config,
          mode,
          Optional.ofNullable(lambdaAsset),
          Optional.ofNullable(imageDirectory),
          Optional.ofNullable(alarmEmail));
    }
  }
}
