package io.typedetcd.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.typedetcd.processor.Compilations.assertOnlyError;
import static io.typedetcd.processor.Compilations.compile;
import static io.typedetcd.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Diagnostics of @EtcdEntity prefix and ttl, alone and across the entities of a compilation. */
class PrefixDiagnosticsTest {
  @ParameterizedTest
  @CsvSource({
    "'', is empty",
    "users, is relative",
    "/users//admins, contains an empty segment ('//')",
    "/users/, ends with '/'",
    "/users%all, contains '%' (index keys reserve it",
  })
  void invalidPrefix(String prefix, String problem) {
    JavaFileObject src =
        source(
            "app.User",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(
                prefix = "%s")
            public record User(@Key String name) {}
            """
                .formatted(prefix));
    assertOnlyError(
        compile(src),
        src,
        "[EtcdPrefix] prefix '" + prefix + "' of User " + problem,
        "prefix = \"" + prefix + "\"");
  }

  @Test
  void invalidTtl() {
    JavaFileObject src =
        source(
            "app.Session",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/sessions",
                ttl = "ten seconds")
            public record Session(@Key String id) {}
            """);
    assertOnlyError(
        compile(src),
        src,
        "[EtcdTtl] ttl 'ten seconds' of Session is not a positive duration",
        "ttl = \"ten seconds\"");
  }

  @Test
  void overlappingPrefixes() {
    JavaFileObject users =
        source(
            "app.User",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/users")
            public record User(@Key String name) {}
            """);
    JavaFileObject admins =
        source(
            "app.Admin",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/users/admins")
            public record Admin(@Key String name) {}
            """);
    assertOnlyError(
        compile(users, admins),
        admins,
        "[EtcdPrefixOverlap] prefix '/users/admins' of Admin lies inside prefix '/users' of User,"
            + " so a range read of User would return Admin's keys",
        "prefix = \"/users/admins\"");
  }

  @Test
  void siblingPrefixesThatShareTextDoNotOverlap() {
    Compilation c =
        compile(
            source(
                "app.User",
                """
                package app;
                import io.typedetcd.annotation.*;
                @EtcdEntity(prefix = "/users")
                public record User(@Key String name) {}
                """),
            source(
                "app.User2",
                """
                package app;
                import io.typedetcd.annotation.*;
                @EtcdEntity(prefix = "/users2")
                public record User2(@Key String name) {}
                """));
    assertThat(c).succeededWithoutWarnings();
  }
}
