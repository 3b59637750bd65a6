package io.typedetcd.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a resource in whichever callback fires first and stops it in the matching "after"
 * callback. A static {@code @RegisterExtension} field sees beforeAll first (one resource per test
 * class); an instance field is registered after beforeAll, so it sees beforeEach first (one
 * resource per test method). Nested classes and later tests reuse a resource already started.
 */
abstract class ScopedLifecycle
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private String owner; // unique id of the context that started the resource

  ScopedLifecycle() {}

  abstract void startResource(ExtensionContext context);

  abstract void stopResource();

  @Override
  public void beforeAll(ExtensionContext context) {
    startIfNeeded(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    startIfNeeded(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stopIfOwner(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stopIfOwner(context);
  }

  synchronized boolean started() {
    return owner != null;
  }

  static String logName(ExtensionContext context) {
    return Logs.simpleName(context.getRequiredTestClass());
  }

  private synchronized void startIfNeeded(ExtensionContext context) {
    if (owner == null) {
      startResource(context);
      owner = context.getUniqueId();
    }
  }

  private synchronized void stopIfOwner(ExtensionContext context) {
    if (context.getUniqueId().equals(owner)) {
      owner = null;
      stopResource();
    }
  }
}
