package io.typedetcd.testing;

import java.time.Duration;

/** A running etcd process and the signals the harness sends it. */
final class EtcdProcess {
  private static final Duration GRACE = Duration.ofSeconds(5);

  private final Process process;
  private boolean paused;

  EtcdProcess(Process process) {
    this.process = process;
  }

  synchronized boolean isAlive() {
    return process.isAlive();
  }

  synchronized boolean isPaused() {
    return paused && process.isAlive();
  }

  /** SIGTERM without waiting; SIGCONT first, since a stopped process cannot handle it. */
  synchronized void terminate() {
    if (process.isAlive()) {
      resume();
      process.destroy();
    }
  }

  /** SIGTERM, then SIGKILL if etcd has not exited within the grace period. */
  void stop() {
    terminate();
    if (!Os.waitFor(process, GRACE)) {
      kill();
    }
  }

  void kill() {
    process.destroyForcibly();
    Os.waitFor(process, GRACE);
    synchronized (this) {
      paused = false;
    }
  }

  synchronized void pause() {
    if (!process.isAlive()) {
      throw new IllegalStateException("etcd (pid " + process.pid() + ") is not running");
    }
    Os.signal(process.pid(), "STOP");
    paused = true;
  }

  synchronized void resume() {
    if (paused && process.isAlive()) {
      Os.signal(process.pid(), "CONT");
    }
    paused = false;
  }

  void awaitExit(Duration timeout) {
    Os.waitFor(process, timeout);
  }

  String describeExit() {
    return process.isAlive() ? "is still running" : "exited with code " + process.exitValue();
  }
}
