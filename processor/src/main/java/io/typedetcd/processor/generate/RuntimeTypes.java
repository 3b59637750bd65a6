package io.typedetcd.processor.generate;

import com.palantir.javapoet.ClassName;

/** The runtime and library types generated code refers to. */
final class RuntimeTypes {
  static final String REPOSITORY = "io.typedetcd.repository";
  static final String CODEC = "io.typedetcd.codec";

  static final ClassName ETCD_CLIENT = ClassName.get("io.typedetcd.client", "EtcdClient");
  static final ClassName BLOCKING = ClassName.get("io.typedetcd.client", "Blocking");
  static final ClassName LAYOUT = ClassName.get("io.typedetcd.annotation", "Layout");

  static final ClassName DOCUMENT_MAPPER = ClassName.get(REPOSITORY, "DocumentMapper");
  static final ClassName FIELDS_MAPPER = ClassName.get(REPOSITORY, "FieldsMapper");
  static final ClassName DOCUMENT_REPOSITORY = ClassName.get(REPOSITORY, "DocumentRepository");
  static final ClassName FIELDS_REPOSITORY = ClassName.get(REPOSITORY, "FieldsRepository");
  static final ClassName REPOSITORY_PROVIDER = ClassName.get(REPOSITORY, "RepositoryProvider");
  static final ClassName MAPPING_EXCEPTION = ClassName.get(REPOSITORY, "MappingException");
  static final ClassName INDEX_DEFINITION = ClassName.get(REPOSITORY, "IndexDefinition");
  static final ClassName ENTITY_WATCH_OPTIONS = ClassName.get(REPOSITORY, "EntityWatchOptions");

  static final ClassName KEY_PATH = ClassName.get(CODEC, "KeyPath");
  static final ClassName KEY_SEGMENTS = ClassName.get(CODEC, "KeySegments");
  static final ClassName JSON = ClassName.get(CODEC, "Json");
  static final ClassName JSON_WRITER = ClassName.get(CODEC, "JsonWriter");
  static final ClassName JSON_READER = ClassName.get(CODEC, "JsonReader");
  static final ClassName JSON_NAMES = ClassName.get(CODEC, "JsonNames");

  static final ClassName BYTE_STRING = ClassName.get("com.google.protobuf", "ByteString");
  static final ClassName JSON_TOKEN = ClassName.get("com.fasterxml.jackson.core", "JsonToken");
  static final ClassName TYPE_REFERENCE =
      ClassName.get("com.fasterxml.jackson.core.type", "TypeReference");
  static final ClassName JAVA_TYPE = ClassName.get("com.fasterxml.jackson.databind", "JavaType");

  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName MAP = ClassName.get("java.util", "Map");
  static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");
  static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  static final ClassName IO_EXCEPTION = ClassName.get("java.io", "IOException");
  static final ClassName DURATION = ClassName.get("java.time", "Duration");

  private RuntimeTypes() {}
}
