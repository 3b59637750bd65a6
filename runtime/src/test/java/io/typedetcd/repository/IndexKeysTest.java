package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.typedetcd.repository.fixtures.Host;
import io.typedetcd.repository.fixtures.Host_Mapper;
import io.typedetcd.repository.fixtures.Stock;
import io.typedetcd.repository.fixtures.Stock_Mapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index key layout: beside the entity range, parseable back, values checked. */
class IndexKeysTest {
  final IndexKeys<Host> hosts = new IndexKeys<>(new Host_Mapper());
  final IndexDefinition<Host> rack = hosts.get("rack");
  final IndexDefinition<Host> ip = hosts.get("ip");

  static ByteString utf8(String s) {
    return ByteString.copyFromUtf8(s);
  }

  @Test
  void keysSitBesideTheEntityPrefixNotUnderIt() {
    ByteString entity = utf8("/it/hosts/fra/web1");
    assertThat(hosts.entry(rack, "r1", entity).toStringUtf8())
        .isEqualTo("/it/hosts%idx/rack/r1/fra/web1");
    assertThat(hosts.valuePrefix(rack, "r1").toStringUtf8()).isEqualTo("/it/hosts%idx/rack/r1/");
    assertThat(hosts.unique(ip, "10.0.0.1").toStringUtf8()).isEqualTo("/it/hosts%uniq/ip/10.0.0.1");
    assertThat(hosts.entriesRange().toStringUtf8()).isEqualTo("/it/hosts%idx/");
    assertThat(hosts.uniqueRange().toStringUtf8()).isEqualTo("/it/hosts%uniq/");
    // '%' sorts before '/': never inside the entity range "/it/hosts/"
    assertThat(hosts.entry(rack, "r1", entity).startsWith(utf8("/it/hosts/"))).isFalse();
    assertThat(hosts.entityKeyOf(hosts.entry(rack, "r1", entity), hosts.valuePrefix(rack, "r1")))
        .isEqualTo(entity);
  }

  @Test
  void indexKeysParseBack() {
    IndexKeys.Parsed<Host> e = hosts.parse(utf8("/it/hosts%idx/rack/r1/fra/web1"));
    assertThat(e).isNotNull();
    assertThat(e.index()).isSameAs(rack);
    assertThat(e.value()).isEqualTo("r1");
    assertThat(e.entityKey()).isEqualTo(utf8("/it/hosts/fra/web1"));

    IndexKeys.Parsed<Host> u = hosts.parse(utf8("/it/hosts%uniq/ip/10.0.0.1"));
    assertThat(u).isNotNull();
    assertThat(u.index()).isSameAs(ip);
    assertThat(u.value()).isEqualTo("10.0.0.1");
    assertThat(u.entityKey()).isNull();

    IndexKeys.Parsed<Host> gone = hosts.parse(utf8("/it/hosts%idx/zone/z1/fra/web1"));
    assertThat(gone).isNotNull();
    assertThat(gone.index()).isNull();
    assertThat(gone.property()).isEqualTo("zone");

    for (String bad :
        List.of(
            "/it/hosts/fra/web1",
            "/it/hosts%idx/rack",
            "/it/hosts%idx/rack/r1",
            "/it/hosts%idx/rack//fra",
            "/it/hosts%idx/rack/r1/",
            "/it/hosts%uniq/ip",
            "/it/hosts%uniq/ip/",
            "/it/hosts%uniq/ip/a/b")) {
      assertThat(hosts.parse(utf8(bad))).as(bad).isNull();
    }
  }

  @Test
  void valuesMustBeEncodedSegments() {
    assertThat(hosts.value(rack, Host.of("fra", "w", "1.2.3.4", "r/1"))).isEqualTo("r%2F1");
    assertThat(hosts.value(rack, new Host("fra", "w", "1.2.3.4", null, 22, 0))).isNull();
    assertThatThrownBy(() -> hosts.checkValue(rack, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Host.rack index value");
    assertThatThrownBy(() -> hosts.checkValue(rack, "a/b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hosts.get("port"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Host has no index on 'port'; indexed: [ip, rack]");
    assertThat(new IndexKeys<Stock>(new Stock_Mapper()).hasUnique()).isTrue();
    assertThatThrownBy(() -> new IndexDefinition<Host>("a/b", false, h -> null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
