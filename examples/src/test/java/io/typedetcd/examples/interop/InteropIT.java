package io.typedetcd.examples.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.repository.CrudRepository;
import io.typedetcd.repository.MappingException;
import io.typedetcd.repository.OptimisticLockException;
import io.typedetcd.repository.Repositories;
import io.typedetcd.testing.EtcdExtension;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What etcdctl (or any other tool) writes is read back typed, and what does not map is a {@link
 * MappingException} naming the key and the property.
 */
class InteropIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static final String WEB = "/ex/interop/endpoints/web/10.0.0.1";
  static final Endpoint_Id WEB_ID = new Endpoint_Id("web", "10.0.0.1");

  static EtcdClient client;
  static Endpoint.Repository endpoints;
  static Profile.Repository profiles;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    endpoints = Repositories.create(Endpoint.Repository.class, client);
    profiles = Repositories.create(Profile.Repository.class, client);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void clean() {
    etcd.etcdctl("del", "--prefix", "/ex/interop/");
  }

  Endpoint saveWeb() {
    return endpoints.save(
        new Endpoint("web", "10.0.0.1", 8080, false, Endpoint.Role.PRIMARY, null, 0));
  }

  @Test
  void fieldsEditedWithEtcdctlAreReadBackTyped() {
    Endpoint saved = saveWeb();
    assertThat(etcd.etcdctl("get", "--print-value-only", WEB + "/port")).isEqualTo("8080\n");

    etcd.etcdctl("put", WEB + "/port", "9090");
    etcd.etcdctl("put", WEB + "/role", "BACKUP");
    etcd.etcdctl("put", WEB + "/zone", "eu-1");
    Endpoint edited = endpoints.findById(WEB_ID).orElseThrow();
    assertThat(edited.port()).isEqualTo(9090);
    assertThat(edited.role()).isEqualTo(Endpoint.Role.BACKUP);
    assertThat(edited.zone()).isEqualTo("eu-1");
    assertThat(edited.version()).isGreaterThan(saved.version());

    // the hand edit is a concurrent change: a save from before it conflicts, one after it wins
    assertThatThrownBy(() -> endpoints.save(saved.withPort(1)))
        .isInstanceOf(OptimisticLockException.class);
    endpoints.save(edited.withPort(9091));
    assertThat(etcd.etcdctl("get", "--print-value-only", WEB + "/port")).isEqualTo("9091\n");
    assertThat(etcd.etcdctl("get", "--print-value-only", WEB + "/zone")).isEqualTo("eu-1\n");

    // deleting a @Nullable property's key makes it null
    etcd.etcdctl("del", WEB + "/zone");
    assertThat(endpoints.findById(WEB_ID).orElseThrow().zone()).isNull();
  }

  @Test
  void anEntityWrittenEntirelyWithEtcdctlIsFound() {
    String api = "/ex/interop/endpoints/api/h%2F1";
    etcd.etcdctl("put", api + "/port", "443");
    etcd.etcdctl("put", api + "/secure", "true");
    etcd.etcdctl("put", api + "/role", "PRIMARY");
    // a property this version of the entity does not know is ignored, and kept by saves
    etcd.etcdctl("put", api + "/owner", "team-a");

    List<Endpoint> found = endpoints.findByService("api");
    assertThat(found).hasSize(1);
    Endpoint e = found.get(0);
    assertThat(e.host()).isEqualTo("h/1");
    assertThat(e.port()).isEqualTo(443);
    assertThat(e.secure()).isTrue();
    assertThat(e.zone()).isNull();
    endpoints.save(e.withPort(8443));
    assertThat(etcd.etcdctl("get", "--print-value-only", api + "/owner")).isEqualTo("team-a\n");
    assertThat(endpoints.findById(new Endpoint_Id("api", "h/1")).orElseThrow().port())
        .isEqualTo(8443);
  }

  @Test
  void aBadValueIsAMappingExceptionNamingKeyAndProperty() {
    saveWeb();
    etcd.etcdctl("put", WEB + "/port", "ninety");

    assertThatThrownBy(() -> endpoints.findById(WEB_ID))
        .isInstanceOfSatisfying(
            MappingException.class,
            e -> {
              assertThat(e.key()).isEqualTo(WEB + "/port");
              assertThat(e.property()).isEqualTo("port");
              assertThat(e.entity()).isEqualTo("Endpoint");
            })
        .hasMessageContaining("Endpoint at '" + WEB + "/port', property 'port'")
        .hasMessageContaining("'ninety' does not parse as int");
    assertThatThrownBy(() -> endpoints.findAll()).isInstanceOf(MappingException.class);

    etcd.etcdctl("put", WEB + "/port", "9090");
    etcd.etcdctl("put", WEB + "/secure", "yes");
    assertThatThrownBy(() -> endpoints.findByService("web"))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("property 'secure'")
        .hasMessageContaining("'yes' does not parse as boolean");

    etcd.etcdctl("put", WEB + "/secure", "true");
    etcd.etcdctl("put", WEB + "/role", "LEADER");
    assertThatThrownBy(() -> endpoints.findById(WEB_ID))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("property 'role'")
        .hasMessageContaining("LEADER");
  }

  @Test
  void aPartlyStoredEntityIsReportedNotHalfFilled() {
    saveWeb();
    etcd.etcdctl("del", WEB + "/port");
    assertThatThrownBy(() -> endpoints.findById(WEB_ID))
        .isInstanceOfSatisfying(
            MappingException.class, e -> assertThat(e.property()).isEqualTo("port"))
        .hasMessageContaining(WEB + "/port")
        .hasMessageContaining("is missing; the entity is only partly stored");
  }

  @Test
  void documentsWrittenByOtherProgramsMapByName() {
    String ann = "/ex/interop/profiles/ann";
    // unknown properties are ignored, missing ones take Java defaults
    etcd.etcdctl(
        "put",
        ann,
        "{\"display_name\":\"Ann\",\"age\":41,\"theme\":{\"dark\":true},\"extra\":[1]}");
    assertThat(profiles.findById("ann")).contains(new Profile("ann", "Ann", 41, false, null));

    profiles.save(new Profile("bob", "Bob", 30, true, List.of("ops")));
    assertThat(etcd.etcdctl("get", "--print-value-only", "/ex/interop/profiles/bob"))
        .contains("\"display_name\":\"Bob\"", "\"roles\":[\"ops\"]");

    etcd.etcdctl("put", ann, "{\"display_name\":\"Ann\",\"age\":\"forty\"}");
    assertThatThrownBy(() -> profiles.findById("ann"))
        .isInstanceOfSatisfying(
            MappingException.class,
            e -> {
              assertThat(e.key()).isEqualTo(ann);
              assertThat(e.property()).isEqualTo("age");
            })
        .hasMessageContaining("expected an integer");

    etcd.etcdctl("put", ann, "{\"display_name\":\"Ann\",");
    assertThatThrownBy(() -> profiles.findAll())
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.key()).isEqualTo(ann))
        .hasMessageContaining("Profile at '" + ann + "'");
  }

  @Test
  void documentsInAnyJsonLayoutReadTheSameAndWhatWeWriteIsPlainJson() throws Exception {
    String ann = "/ex/interop/profiles/ann";
    // pretty-printed, reordered, escapes (supplementary characters as Jackson escapes them)
    etcd.etcdctl(
        "put",
        ann,
        "{\n  \"roles\" : [ \"ops\\u00e9\", null, \"\\ud83d\\ude00\" ],\n"
            + "  \"extra\" : {\"a\" : [ 1, {\"b\" : \"\\\"}]\"} ]},\n"
            + "  \"age\" : 41, \"admin\" : null,\n"
            + "  \"display_name\" : \"Ann \\\"the\\\" \\u0041dmin\\n\"\n}");
    assertThat(profiles.findById("ann"))
        .contains(
            new Profile(
                "ann", "Ann \"the\" Admin\n", 41, false, Arrays.asList("opsé", null, "😀")));

    Profile bob = new Profile("bob", "B\u0000b \"😀\" \\ é\t", -7, true, List.of("", "/"));
    profiles.save(bob);
    assertThat(profiles.findById("bob")).contains(bob);
    String stored = etcd.etcdctl("get", "--print-value-only", "/ex/interop/profiles/bob");
    JsonNode json = new ObjectMapper().readTree(stored);
    assertThat(json.get("display_name").textValue()).isEqualTo(bob.displayName());
    assertThat(json.get("age").intValue()).isEqualTo(-7);
    assertThat(json.get("roles").get(1).textValue()).isEqualTo("/");

    etcd.etcdctl("put", ann, "{\"age\":2147483648}");
    assertThatThrownBy(() -> profiles.findById("ann"))
        .isInstanceOfSatisfying(
            MappingException.class, e -> assertThat(e.property()).isEqualTo("age"))
        .hasMessageContaining("out of range of int");
  }

  /** Extends CrudRepository but lacks @EtcdRepository, so the processor never implemented it. */
  interface Unprocessed extends CrudRepository<Endpoint, Endpoint_Id> {}

  @Test
  void aRepositoryWithoutAnImplementationIsAnErrorSayingWhatToDo() {
    assertThatThrownBy(() -> Repositories.create(Unprocessed.class, client))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No generated implementation of " + Unprocessed.class.getName())
        .hasMessageContaining("annotated @EtcdRepository")
        .hasMessageContaining("<annotationProcessorPaths>");
  }
}
