package io.typedetcd.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Free loopback ports. The OS picks them; a JVM-wide set of ports already handed out makes sure two
 * servers in one JVM never get the same port even after the probing socket is closed.
 */
final class Ports {
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  /** Handed out before asking the OS: lets a test simulate a port taken between pick and bind. */
  static final Queue<Integer> PRESET = new ConcurrentLinkedQueue<>();

  private Ports() {}

  static int[] allocate(int count) {
    int[] ports = new int[count];
    List<ServerSocket> probes = new ArrayList<>();
    try {
      InetAddress loopback = InetAddress.getByName("127.0.0.1");
      int found = 0;
      for (Integer preset = PRESET.poll();
          preset != null && found < count;
          preset = PRESET.poll()) {
        if (HANDED_OUT.add(preset)) {
          ports[found++] = preset;
        }
      }
      for (int tries = 0; found < count; tries++) {
        if (tries > 200) {
          throw new IllegalStateException("could not find " + count + " free loopback ports");
        }
        // Keep every probe open until the end so the OS cannot hand the same port out twice.
        ServerSocket probe = new ServerSocket(0, 1, loopback);
        probes.add(probe);
        if (HANDED_OUT.add(probe.getLocalPort())) {
          ports[found++] = probe.getLocalPort();
        }
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("could not open a loopback socket", e);
    } finally {
      for (ServerSocket probe : probes) {
        try {
          probe.close();
        } catch (IOException ignored) {
          // Nothing to do: the port is free again either way.
        }
      }
    }
  }

  static void release(int... ports) {
    for (int port : ports) {
      HANDED_OUT.remove(port);
    }
  }
}
