package io.capacityctl.testing;

import java.net.URI;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * moto in a Docker container ({@code motoserver/moto}), for machines with Docker: the same server
 * as {@link MotoServer}, without a local Python install. Use with
 * {@code @Testcontainers(disabledWithoutDocker = true)} so the tests skip cleanly where Docker is
 * absent.
 */
public final class MotoContainer extends GenericContainer<MotoContainer> implements AwsEmulator {
  static final DockerImageName IMAGE = DockerImageName.parse("motoserver/moto:5.1.0");
  static final int PORT = 5000;

  public MotoContainer() {
    super(IMAGE);
    withExposedPorts(PORT);
    waitingFor(Wait.forHttp("/moto-api/").forPort(PORT));
  }

  @Override
  public URI endpoint() {
    return URI.create("http://" + getHost() + ":" + getMappedPort(PORT));
  }
}
