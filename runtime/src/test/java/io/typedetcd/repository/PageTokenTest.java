package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Page continue tokens: round trips, and refusing tokens of other queries or no token at all. */
class PageTokenTest {
  static final ByteString PROD = ByteString.copyFromUtf8("/it/config/prod/");
  static final ByteString DEV = ByteString.copyFromUtf8("/it/config/dev/");

  @Test
  void aTokenRoundTripsRevisionAndNextKeyAndIsUrlSafe() {
    PageToken t = new PageToken(42, ByteString.copyFromUtf8("/it/config/prod/web/host"));
    String encoded = t.encode(PROD, false);

    assertThat(encoded).matches("[A-Za-z0-9_-]+");
    assertThat(PageToken.decode(encoded, PROD, "ServiceConfig", false)).isEqualTo(t);
  }

  @Test
  void aTokenOfAnotherPrefixIsRefused() {
    String encoded =
        new PageToken(42, ByteString.copyFromUtf8("/it/config/prod/x")).encode(PROD, false);

    assertThatThrownBy(() -> PageToken.decode(encoded, DEV, "ServiceConfig", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another query")
        .hasMessageContaining("/it/config/dev/");
  }

  @Test
  void aTokenOfTheOtherDirectionIsRefused() {
    PageToken t = new PageToken(42, ByteString.copyFromUtf8("/it/config/prod/x"));
    String descending = t.encode(PROD, true);

    assertThat(PageToken.decode(descending, PROD, "ServiceConfig", true)).isEqualTo(t);
    assertThatThrownBy(() -> PageToken.decode(descending, PROD, "ServiceConfig", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another query");
    assertThatThrownBy(() -> PageToken.decode(t.encode(PROD, false), PROD, "ServiceConfig", true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another query");
  }

  @Test
  void somethingThatIsNoTokenIsRefused() {
    String wrongFormat = Base64.getUrlEncoder().encodeToString(new byte[20]);
    for (String bad : new String[] {"", "%%%", "AAAA", wrongFormat}) {
      assertThatThrownBy(() -> PageToken.decode(bad, PROD, "ServiceConfig", false))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is not a page token of ServiceConfig");
    }
  }

  @Test
  void pageRequestsCheckTheirArguments() {
    assertThatThrownBy(() -> PageRequest.ofSize(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PageRequest.ofSize(1).withToken(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("hasNext");
    PageRequest r = PageRequest.ofSize(5).withToken("t");
    assertThat(r.size()).isEqualTo(5);
    assertThat(r.token()).isEqualTo("t");
    assertThat(PageRequest.ofSize(5).token()).isNull();
  }
}
