package io.typedetcd.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;

/** Compiles test sources with the processor, the way a user's build would. */
final class Compilations {
  private Compilations() {}

  /** A source file named after its fully qualified type name. */
  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /** Compiles with every lint enabled, as the project's own build does. */
  static Compilation compile(JavaFileObject... sources) {
    return javac()
        .withProcessors(new EtcdProcessor())
        .withOptions("-Xlint:all,-processing")
        .compile(sources);
  }

  /** Compiles with a classpath that lacks the entries whose path contains one of the parts. */
  static Compilation compileWithout(List<String> pathParts, JavaFileObject... sources) {
    List<File> classpath =
        Arrays.stream(testClasspath().split(File.pathSeparator))
            .filter(entry -> pathParts.stream().noneMatch(entry::contains))
            .map(File::new)
            .collect(Collectors.toList());
    return javac()
        .withProcessors(new EtcdProcessor())
        .withOptions("-Xlint:all,-processing")
        .withClasspath(classpath)
        .compile(sources);
  }

  /** Asserts the compilation failed with exactly this one error, on this line of this file. */
  static void assertOnlyError(
      Compilation compilation, JavaFileObject file, String message, String lineFragment) {
    CompilationSubject.assertThat(compilation)
        .hadErrorContaining(message)
        .inFile(file)
        .onLineContaining(lineFragment);
    CompilationSubject.assertThat(compilation).hadErrorCount(1);
  }

  private static String testClasspath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null ? surefire : System.getProperty("java.class.path");
  }
}
