package io.typedetcd.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void portsAreNeverHandedOutTwiceUntilReleased() throws Exception {
    var handedOut = new ConcurrentLinkedQueue<int[]>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 20; i++) {
                  handedOut.add(Ports.allocate(3));
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    try {
      List<Integer> all = handedOut.stream().flatMapToInt(IntStream::of).boxed().toList();
      assertThat(all).hasSize(8 * 20 * 3).doesNotHaveDuplicates().allMatch(p -> p > 0);
    } finally {
      handedOut.forEach(Ports::release);
    }
  }

  @Test
  void allocatedPortsAreFreeToBind() throws IOException {
    int[] ports = Ports.allocate(3);
    try {
      for (int port : ports) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
          assertThat(socket.getLocalPort()).isEqualTo(port);
        }
      }
    } finally {
      Ports.release(ports);
    }
  }

  @Test
  void presetPortsComeFirst() {
    Ports.PRESET.add(1); // never handed out by the OS, so no clash with other tests
    try {
      int[] ports = Ports.allocate(2);
      assertThat(ports[0]).isEqualTo(1);
      assertThat(ports[1]).isNotEqualTo(1);
      Ports.release(ports);
    } finally {
      Ports.PRESET.clear();
    }
  }
}
