package io.typedetcd.processor.validate;

/**
 * Qualified names of the annotations and runtime types the processor looks for. Held as strings,
 * not class literals: the processor reads annotations through mirrors and does not need the runtime
 * on its own classpath.
 */
public final class Names {
  public static final String ANNOTATION_PACKAGE = "io.typedetcd.annotation";
  public static final String ETCD_ENTITY = ANNOTATION_PACKAGE + ".EtcdEntity";
  public static final String ETCD_REPOSITORY = ANNOTATION_PACKAGE + ".EtcdRepository";
  public static final String KEY = ANNOTATION_PACKAGE + ".Key";
  public static final String VERSION = ANNOTATION_PACKAGE + ".Version";
  public static final String INDEXED = ANNOTATION_PACKAGE + ".Indexed";
  public static final String TRANSIENT = ANNOTATION_PACKAGE + ".Transient";
  public static final String NAME = ANNOTATION_PACKAGE + ".Name";

  public static final String CRUD_REPOSITORY = "io.typedetcd.repository.CrudRepository";
  public static final String ENTITY_MAPPER = "io.typedetcd.repository.EntityMapper";
  public static final String PAGE = "io.typedetcd.repository.Page";
  public static final String PAGE_REQUEST = "io.typedetcd.repository.PageRequest";
  public static final String SUBSCRIPTION = "io.typedetcd.repository.Subscription";
  public static final String ENTITY_LISTENER = "io.typedetcd.repository.EntityListener";
  public static final String ENTITY_WATCH_OPTIONS = "io.typedetcd.repository.EntityWatchOptions";
  public static final String KEY_SEGMENT_CODEC = "io.typedetcd.codec.KeySegmentCodec";

  public static final String JAKARTA_INJECT = "jakarta.inject.Inject";
  public static final String JAVAX_INJECT = "javax.inject.Inject";

  private Names() {}
}
