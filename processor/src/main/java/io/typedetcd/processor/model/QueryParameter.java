package io.typedetcd.processor.model;

import com.palantir.javapoet.TypeName;

/** A parameter of a derived query, bound to the key component at the same position. */
public record QueryParameter(String name, TypeName type) {}
