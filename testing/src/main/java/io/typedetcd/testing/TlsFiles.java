package io.typedetcd.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

/**
 * A PEM certificate and its private key; {@link #generate(Path)} makes a whole test PKI with the
 * {@code openssl} command.
 *
 * <pre>{@code
 * TlsFiles.Bundle tls = TlsFiles.generate(tempDir);
 * EtcdServer server = EtcdServer.builder()
 *     .tls(tls.server())                       // https on 127.0.0.1 / localhost
 *     .clientCertAuth(tls.ca().certPem())      // clients need a cert signed by tls.ca()
 *     .build();
 * server.start();
 * server.etcdctl(tls.client(), "put", "k", "v");
 * }</pre>
 *
 * @param certPem the certificate, PEM
 * @param keyPem its private key, PEM (unencrypted)
 */
public record TlsFiles(Path certPem, Path keyPem) {

  public TlsFiles {
    Objects.requireNonNull(certPem, "certPem");
    Objects.requireNonNull(keyPem, "keyPem");
  }

  /**
   * Generated material: a CA, a server certificate for 127.0.0.1 and localhost, and two client
   * certificates, one signed by the CA and one by an unrelated CA.
   *
   * @param ca the CA (certificate and key) that signed {@code server} and {@code client}
   * @param server server certificate with SANs IP:127.0.0.1 and DNS:localhost
   * @param client client certificate signed by {@code ca}
   * @param untrustedClient client certificate signed by a different CA, which etcd must refuse
   */
  public record Bundle(TlsFiles ca, TlsFiles server, TlsFiles client, TlsFiles untrustedClient) {}

  /** Writes a fresh {@link Bundle} into {@code dir} (created if needed) using openssl. */
  public static Bundle generate(Path dir) {
    try {
      Files.createDirectories(dir);
      TlsFiles ca = selfSignedCa(dir, "ca", "typed-etcd test CA");
      TlsFiles otherCa = selfSignedCa(dir, "untrusted-ca", "typed-etcd untrusted CA");
      // The server cert may also act as a client: etcd's own gateway dials itself with it.
      TlsFiles server =
          signed(
              dir,
              "server",
              "localhost",
              ca,
              "serverAuth, clientAuth",
              "subjectAltName = IP:127.0.0.1, DNS:localhost\n");
      TlsFiles client = signed(dir, "client", "client", ca, "clientAuth", "");
      TlsFiles untrusted = signed(dir, "untrusted-client", "client", otherCa, "clientAuth", "");
      return new Bundle(ca, server, client, untrusted);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write TLS files to " + dir, e);
    }
  }

  private static TlsFiles selfSignedCa(Path dir, String base, String cn) throws IOException {
    Path config =
        writeConfig(
            dir,
            base,
            cn,
            "basicConstraints = critical, CA:TRUE\nkeyUsage = critical, keyCertSign, cRLSign\n");
    TlsFiles files = new TlsFiles(dir.resolve(base + ".pem"), dir.resolve(base + "-key.pem"));
    openssl(
        dir,
        "req",
        "-x509",
        "-config",
        config.toString(),
        "-extensions",
        "ext",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        files.keyPem().toString(),
        "-out",
        files.certPem().toString(),
        "-days",
        "3650");
    return files;
  }

  private static TlsFiles signed(
      Path dir, String base, String cn, TlsFiles ca, String usage, String more) throws IOException {
    Path config =
        writeConfig(
            dir,
            base,
            cn,
            "basicConstraints = CA:FALSE\nkeyUsage = critical, digitalSignature, keyEncipherment\n"
                + "extendedKeyUsage = "
                + usage
                + "\n"
                + more);
    TlsFiles files = new TlsFiles(dir.resolve(base + ".pem"), dir.resolve(base + "-key.pem"));
    Path csr = dir.resolve(base + ".csr");
    openssl(
        dir,
        "req",
        "-new",
        "-config",
        config.toString(),
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        files.keyPem().toString(),
        "-out",
        csr.toString());
    openssl(
        dir,
        "x509",
        "-req",
        "-in",
        csr.toString(),
        "-CA",
        ca.certPem().toString(),
        "-CAkey",
        ca.keyPem().toString(),
        "-set_serial",
        Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE),
        "-days",
        "3650",
        "-extfile",
        config.toString(),
        "-extensions",
        "ext",
        "-out",
        files.certPem().toString());
    Files.delete(csr);
    return files;
  }

  /** A config of our own, so the result does not depend on the system's openssl.cnf. */
  private static Path writeConfig(Path dir, String base, String cn, String extensions)
      throws IOException {
    return Files.writeString(
        dir.resolve(base + ".cnf"),
        "[req]\ndistinguished_name = dn\nprompt = no\n[dn]\nCN = " + cn + "\n[ext]\n" + extensions);
  }

  private static void openssl(Path dir, String... args) throws IOException {
    List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
    cmd.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "the openssl command is needed to generate TLS files"
              + " (Debian/Ubuntu: apt-get install openssl)",
          e);
    }
    String output = new String(process.getInputStream().readAllBytes());
    try {
      if (process.waitFor() != 0) {
        throw new IllegalStateException("openssl failed: " + String.join(" ", cmd) + "\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running openssl", e);
    }
  }
}
