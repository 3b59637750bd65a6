package io.typedetcd.examples.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.typedetcd.client.EtcdClient;
import io.typedetcd.repository.Repositories;
import io.typedetcd.testing.EtcdExtension;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Key values no one can forge a path with, and numeric keys in numeric order, as etcd itself stores
 * and orders them.
 */
class KeyEncodingIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static EtcdClient client;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  static List<String> keys(String prefix) {
    return Arrays.stream(etcd.etcdctl("get", "--prefix", "--keys-only", prefix).split("\n"))
        .filter(line -> !line.isEmpty())
        .toList();
  }

  /** Hostile (owner, name) pairs and the key path each must be stored under. */
  static Map<Doc_Id, String> hostile() {
    Map<Doc_Id, String> ids = new LinkedHashMap<>();
    ids.put(new Doc_Id("a/b", "c"), "a%2Fb/c");
    ids.put(new Doc_Id("a", "b/c"), "a/b%2Fc");
    ids.put(new Doc_Id("a", ""), "a/%");
    ids.put(new Doc_Id("", ""), "%/%");
    ids.put(new Doc_Id("/", "//"), "%2F/%2F%2F");
    ids.put(new Doc_Id("%", "100%"), "%25/100%25");
    ids.put(new Doc_Id("%2F", "%"), "%252F/%25");
    ids.put(new Doc_Id("ünï😀", "a b"), "ünï😀/a b");
    ids.put(new Doc_Id("..", "line\nbreak"), "../line%0Abreak");
    return ids;
  }

  @Test
  void hostileStringKeysRoundTripAsDistinctEscapedKeys() {
    Doc.Repository docs = Repositories.create(Doc.Repository.class, client);
    Map<Doc_Id, String> ids = hostile();
    List<Doc> saved = new ArrayList<>();
    for (Doc_Id id : ids.keySet()) {
      saved.add(docs.save(new Doc(id.owner(), id.name(), "body of " + ids.get(id))));
    }

    for (Doc doc : saved) {
      assertThat(docs.findById(doc.id())).contains(doc);
    }
    assertThat(docs.findAll()).containsExactlyInAnyOrderElementsOf(saved);
    assertThat(docs.count()).isEqualTo(ids.size());
    assertThat(keys("/ex/keys/docs/"))
        .containsExactlyInAnyOrderElementsOf(
            ids.values().stream().map(path -> "/ex/keys/docs/" + path).toList())
        .allSatisfy(key -> assertThat(key.split("/", -1)).hasSize(6)); // "", ex, keys, docs, 2 ids

    // a prefix query on one component is not fooled by another value's '/'
    assertThat(docs.findByOwner("a"))
        .containsExactly(new Doc("a", "", "body of a/%"), new Doc("a", "b/c", "body of a/b%2Fc"));
    assertThat(docs.findByOwner("a/b")).containsExactly(new Doc("a/b", "c", "body of a%2Fb/c"));
    assertThat(docs.countByOwner("")).isEqualTo(1);
    assertThat(docs.countByOwner("/")).isEqualTo(1);
    assertThat(docs.findByOwner("%2F")).extracting(Doc::name).containsExactly("%");
    assertThat(docs.deleteAll()).isEqualTo(ids.size());
  }

  @Test
  void hostileKeysInFieldsLayoutKeepTheirPropertySegment() {
    Setting.Repository settings = Repositories.create(Setting.Repository.class, client);
    Map<Doc_Id, String> ids = hostile();
    List<Setting> saved = new ArrayList<>();
    for (Doc_Id id : ids.keySet()) {
      saved.add(settings.save(new Setting(id.owner(), id.name(), "v " + ids.get(id))));
    }

    for (Setting s : saved) {
      assertThat(settings.findById(s.id())).contains(s);
    }
    assertThat(settings.findAll()).containsExactlyInAnyOrderElementsOf(saved);
    assertThat(keys("/ex/keys/settings/"))
        .containsExactlyInAnyOrderElementsOf(
            ids.values().stream().map(path -> "/ex/keys/settings/" + path + "/value").toList());
    assertThat(etcd.etcdctl("get", "--print-value-only", "/ex/keys/settings/%25/100%25/value"))
        .isEqualTo("v %25/100%25\n");
    assertThat(settings.findByScope("a")).extracting(Setting::name).containsExactly("", "b/c");
    assertThat(settings.findByScope("")).extracting(Setting::name).containsExactly("");
    assertThat(settings.deleteAll()).isEqualTo(ids.size());
  }

  @Test
  void aUserCodecKeyIsEscapedOrderedAndQueryable() {
    Incident.Repository incidents = Repositories.create(Incident.Repository.class, client);
    LocalDate jan5 = LocalDate.of(2024, 1, 5);
    LocalDate dec31 = LocalDate.of(2023, 12, 31);
    LocalDate feb1 = LocalDate.of(2024, 2, 1);
    incidents.saveAll(
        List.of(
            new Incident(feb1, 1, "late"),
            new Incident(jan5, 2, "second"),
            new Incident(dec31, 1, "first"),
            new Incident(jan5, 1, "middle")));

    assertThat(incidents.findAll())
        .extracting(Incident::title)
        .containsExactly("first", "middle", "second", "late");
    assertThat(incidents.findAllOrderByDayDesc())
        .extracting(Incident::title)
        .containsExactly("late", "second", "middle", "first");
    assertThat(incidents.findByDay(jan5)).extracting(Incident::seq).containsExactly(1, 2);
    assertThat(incidents.countByDay(LocalDate.of(2024, 1, 6))).isZero();
    assertThat(incidents.findById(new Incident_Id(dec31, 1)))
        .map(Incident::title)
        .contains("first");
    assertThat(keys("/ex/keys/incidents/"))
        .contains("/ex/keys/incidents/2024%2F01%2F05/0000000002");
    assertThat(incidents.deleteAll()).isEqualTo(4);
  }

  static final long[] TIMES = {
    Long.MIN_VALUE, -1_000_000_000_000L, -10, -9, -1, 0, 1, 9, 10, 1000, Long.MAX_VALUE
  };

  @Test
  void longKeysSortNumericallyNegativesFirst() {
    Reading.Repository readings = Repositories.create(Reading.Repository.class, client);
    List<Long> ascending = Arrays.stream(TIMES).boxed().toList();
    List<Long> shuffled = new ArrayList<>(ascending);
    Collections.shuffle(shuffled, new Random(7));
    for (long at : shuffled) {
      readings.save(new Reading("s", at, at / 2.0));
      readings.save(new Reading("s2", at, 0)); // a sibling sensor whose name extends "s"
    }

    assertThat(readings.findBySensor("s"))
        .extracting(Reading::at)
        .containsExactlyElementsOf(ascending);
    List<Long> descending = new ArrayList<>(ascending);
    Collections.reverse(descending);
    assertThat(readings.findBySensorOrderByAtDesc("s"))
        .extracting(Reading::at)
        .containsExactlyElementsOf(descending);
    try (Stream<Reading> s = readings.streamBySensorOrderByAtDesc("s")) {
      assertThat(s.map(Reading::at).toList()).isEqualTo(descending);
    }
    assertThat(readings.findTop2BySensorOrderByAtDesc("s"))
        .extracting(Reading::at)
        .containsExactly(Long.MAX_VALUE, 1000L);
    assertThat(readings.findAll())
        .extracting(Reading::sensor)
        .containsExactlyElementsOf(
            Stream.concat(
                    Collections.nCopies(TIMES.length, "s").stream(),
                    Collections.nCopies(TIMES.length, "s2").stream())
                .toList());
    assertThat(readings.findById(new Reading_Id("s", Long.MIN_VALUE)))
        .contains(new Reading("s", Long.MIN_VALUE, Long.MIN_VALUE / 2.0));

    // etcd's own order of the keys is the numeric order
    List<String> keys = keys("/ex/keys/readings/s/");
    assertThat(keys).hasSize(TIMES.length);
    assertThat(keys.get(0)).isEqualTo("/ex/keys/readings/s/-0000000000000000000");
    assertThat(keys.get(4)).isEqualTo("/ex/keys/readings/s/-9223372036854775807");
    assertThat(keys.get(5)).isEqualTo("/ex/keys/readings/s/00000000000000000000");
    assertThat(keys.get(10)).isEqualTo("/ex/keys/readings/s/09223372036854775807");
    assertThat(readings.deleteAll()).isEqualTo(2L * TIMES.length);
  }

  @Test
  void intKeysSortNumericallyInFindAllAndDescending() {
    Score.Repository scores = Repositories.create(Score.Repository.class, client);
    List<Integer> ascending =
        List.of(Integer.MIN_VALUE, -100, -1, 0, 2, 10, 99, 100, Integer.MAX_VALUE);
    List<Integer> shuffled = new ArrayList<>(ascending);
    Collections.shuffle(shuffled, new Random(11));
    scores.saveAll(shuffled.stream().map(p -> new Score(p, "p" + p)).toList());

    assertThat(scores.findAll()).extracting(Score::points).containsExactlyElementsOf(ascending);
    List<Integer> descending = new ArrayList<>(ascending);
    Collections.reverse(descending);
    assertThat(scores.findAllOrderByPointsDesc())
        .extracting(Score::points)
        .containsExactlyElementsOf(descending);
    try (Stream<Score> all = scores.streamAll()) {
      assertThat(all.map(Score::player).toList())
          .containsExactlyElementsOf(ascending.stream().map(p -> "p" + p).toList());
    }
    assertThat(keys("/ex/keys/scores/"))
        .startsWith("/ex/keys/scores/-0000000000/player", "/ex/keys/scores/-2147483548/player")
        .endsWith("/ex/keys/scores/2147483647/player");
    assertThat(scores.deleteAll()).isEqualTo(ascending.size());
  }
}
