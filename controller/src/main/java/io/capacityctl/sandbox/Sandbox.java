package io.capacityctl.sandbox;

import io.capacityctl.config.CapacityConfig;
import io.capacityctl.operator.RefusedException;
import io.capacityctl.sandbox.SavedAccount.TraceSpec;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.sim.Trace;
import io.capacityctl.sim.TraceGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * The simulated account of {@code --cloud sim}, kept in a directory, so that commands in sequence,
 * and a {@code run --cloud sim} daemon in another shell, see and change one account: its PTs, ECS
 * tasks, routing table, CloudWatch datapoints and clock, and its state table (overrides, events,
 * audit, purchases, the lease, under the same rules as on AWS).
 *
 * <p>{@value #ACCOUNT} holds the whole account. Whoever works on it holds an OS lock on {@value
 * #LOCK} meanwhile (a second process waits; the lock goes with a process that dies), reads the file
 * first when another process wrote since (its generation says so) and writes it after, to a file of
 * its own that is then renamed over the old one: a process killed at any moment leaves the state
 * before or after its work, never half of it.
 */
public final class Sandbox {
  /** The environment variable naming the default directory. */
  public static final String ENV = "CAPACITYCTL_SANDBOX";

  static final String ACCOUNT = "account.json";
  static final String LOCK = ".lock";
  private static final String PARTIAL = ".partial";

  /** The traffic every sandbox is fed: the bundled MangaAssist trace, 28 days from Wednesday. */
  public static final TraceSpec MANGAASSIST = new TraceSpec("mangaassist", 42, 28);

  private static final Map<Path, Semaphore> IN_JVM = new ConcurrentHashMap<>();

  private final Path dir;

  public Sandbox(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /** {@code $CAPACITYCTL_SANDBOX}, else {@code ~/.capacityctl/sandbox}. */
  public static Path defaultDir() {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    // ~ as the shell means it: $HOME, which the JVM's user.home (read from the password database)
    // ignores, so HOME=/tmp/x capacityctl ... would otherwise share the real home's sandbox.
    String home = System.getenv("HOME");
    return Path.of(
        home != null && !home.isBlank() ? home : System.getProperty("user.home"),
        ".capacityctl",
        "sandbox");
  }

  public Path dir() {
    return dir;
  }

  public Path file() {
    return dir.resolve(ACCOUNT);
  }

  /**
   * The account kept here, or a fresh one fed {@link #MANGAASSIST} and prepared by {@code warmUp}
   * (then written here) when there is none. Work on it goes through {@link SimAccount#exclusive()},
   * which keeps it and this directory in step.
   *
   * @throws RefusedException naming {@code --sandbox} when the directory holds another
   *     configuration's account, or a file this build cannot read
   */
  public SimAccount open(CapacityConfig config, Consumer<SimAccount> warmUp) {
    try (FileLock lock = lock()) {
      removePartials();
      Optional<SavedAccount> saved = read();
      SimAccount account;
      Version version;
      if (saved.isPresent()) {
        SavedAccount s = saved.get();
        check(s, config);
        account = new SimAccount(config, trace(s.trace(), config));
        account.restore(s.account());
        version = new Version(s.id(), s.generation());
      } else {
        account = new SimAccount(config, trace(MANGAASSIST, config));
        warmUp.accept(account);
        version = new Version(UUID.randomUUID().toString(), 1);
        write(account, version);
      }
      account.guardWith(new OnDisk(this, account, version));
      return account;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The account as saved, without making one (empty when the directory holds none).
   *
   * @throws RefusedException naming {@code --sandbox} when the file cannot be read
   */
  public Optional<SavedAccount> show() {
    try (FileLock lock = lock()) {
      return read();
    }
  }

  /** Removes the account (waiting for whoever works on it); false when there was none. */
  public boolean reset() {
    try (FileLock lock = lock()) {
      removePartials();
      return Files.deleteIfExists(file());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The trace an account is fed, made again from its recipe.
   *
   * @throws RefusedException naming {@code --cloud} when {@code config} lacks one of its models
   */
  static Trace trace(TraceSpec spec, CapacityConfig config) {
    if (!spec.scenario().equals(MANGAASSIST.scenario())) {
      throw new IllegalArgumentException("unknown sandbox trace " + spec.scenario());
    }
    Trace trace = TraceGenerator.mangaAssist(spec.seed(), spec.days());
    if (!config.models().keySet().containsAll(trace.models())) {
      throw new RefusedException(
          "--cloud",
          "sim runs on the synthetic MangaAssist trace, whose models are "
              + trace.models()
              + ", but "
              + config.source()
              + " has "
              + config.modelKeys());
    }
    return trace;
  }

  private void check(SavedAccount s, CapacityConfig config) {
    if (!s.models().equals(config.modelKeys())) {
      throw new RefusedException(
          "--sandbox",
          dir
              + " holds the account of configuration '"
              + s.config()
              + "' (models "
              + s.models()
              + "), not of '"
              + config.name()
              + "' (models "
              + config.modelKeys()
              + "): give another --sandbox DIR, or start afresh with 'capacityctl sandbox reset'");
    }
  }

  /**
   * Which account, written how many times: a process that wrote (id, N) and finds (id, N) on disk
   * knows nobody wrote since.
   */
  record Version(String id, long generation) {
    Version next() {
      return new Version(id, generation + 1);
    }
  }

  /** The version on disk, read from the file's first fields; empty when there is no account. */
  Optional<Version> version() {
    try (InputStream in = Files.newInputStream(file())) {
      return SandboxJson.version(in);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** The account on disk; a caller holds the lock. */
  Optional<SavedAccount> read() {
    SavedAccount s;
    try (InputStream in = Files.newInputStream(file())) {
      s = SandboxJson.MAPPER.readValue(in, SavedAccount.class);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw unreadable(e);
    }
    if (s.version() != SavedAccount.VERSION) {
      throw new RefusedException(
          "--sandbox",
          file()
              + " is of format "
              + s.version()
              + ", this build reads "
              + SavedAccount.VERSION
              + ": start afresh with 'capacityctl sandbox reset'");
    }
    return Optional.of(s);
  }

  /**
   * Writes the account as {@code version}; a caller holds the lock. To a file of its own first,
   * forced to disk, then renamed over the old one.
   */
  void write(SimAccount account, Version version) {
    SavedAccount s =
        new SavedAccount(
            SavedAccount.VERSION,
            version.id(),
            version.generation(),
            account.config().name(),
            account.config().modelKeys(),
            MANGAASSIST,
            account.save());
    Path partial = dir.resolve(ACCOUNT + "." + ProcessHandle.current().pid() + PARTIAL);
    try (FileChannel ch =
        FileChannel.open(
            partial,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(ch);
      SandboxJson.MAPPER.writeValue(out, s); // leaves the stream open (AUTO_CLOSE_TARGET off)
      out.flush();
      ch.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + partial, e);
    }
    try {
      Files.move(
          partial, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
        d.force(true); // the rename itself survives a power cut
      } catch (IOException ignored) {
        // Not every file system opens a directory: the rename is atomic all the same.
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace " + file(), e);
    }
  }

  /**
   * Holds the directory's lock until closed; creates the directory on first use. An OS file lock
   * belongs to the whole JVM (a second one in the same JVM is an error, not a wait), so threads of
   * one JVM first take turns on a lock of their own per directory.
   */
  FileLock lock() {
    Semaphore inJvm = IN_JVM.computeIfAbsent(dir, d -> new Semaphore(1, true));
    inJvm.acquireUninterruptibly();
    try {
      Files.createDirectories(dir);
      FileChannel ch =
          FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        ch.lock();
        return new FileLock(ch, inJvm);
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      inJvm.release();
      throw new RefusedException("--sandbox", "cannot use " + dir + ": " + e);
    }
  }

  /** What a process killed while writing left behind; a caller holds the lock. */
  private void removePartials() throws IOException {
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, "*" + PARTIAL)) {
      for (Path p : leftovers) {
        Files.deleteIfExists(p);
      }
    }
  }

  private RefusedException unreadable(IOException e) {
    String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().get();
    // A parser's message quotes the value it choked on, which can be a megabyte of base64.
    String shortWhy = why.length() > 160 ? why.substring(0, 160) + "..." : why;
    return new RefusedException(
        "--sandbox",
        "cannot read "
            + file()
            + " ("
            + shortWhy
            + "): start afresh with 'capacityctl sandbox reset'");
  }

  /** The lock on {@value #LOCK} (released with its channel) and this JVM's turn. */
  record FileLock(FileChannel channel, Semaphore inJvm) implements AutoCloseable {
    @Override
    public void close() {
      try {
        channel.close(); // releases the OS lock
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        inJvm.release();
      }
    }
  }
}
