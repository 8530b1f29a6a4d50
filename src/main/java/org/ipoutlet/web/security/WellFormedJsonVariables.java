package org.ipoutlet.web.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A {@code Json} variable sent in serialized form (REST, Tasklist forms) must be well-formed JSON
 * when it is written (README: Security). Spin stores the text as it comes and fails only when someone
 * reads it, as a server error; now the write is refused with {@link MalformedVariableValueException},
 * which the REST APIs answer with 400, and nothing is stored. The Spin serializer keeps its name
 * ({@code json}), so variables already stored read as before.
 */
@Component
class WellFormedJsonVariables extends AbstractProcessEnginePlugin {

	/** After the build: the Spin plugin registers its serializers in its own post-init. */
	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		VariableSerializers serializers = configuration.getVariableSerializers();
		TypedValueSerializer<?> json = serializers.getSerializerByName("json");
		if (json instanceof Validating) {
			return;
		}
		if (json == null) {
			throw new IllegalStateException("Spin's json variable serializer is missing (camunda-engine-plugin-spin)");
		}
		int index = serializers.getSerializerIndex(json);
		serializers.removeSerializer(json);
		serializers.addSerializer(new Validating(json), index);
	}

	/** The write of a variable value that is not what its type says. */
	public static class MalformedVariableValueException extends ProcessEngineException {

		private static final long serialVersionUID = 1L;

		MalformedVariableValueException(String message) {
			super(message);
		}

	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	static final class Validating implements TypedValueSerializer<TypedValue> {

		private static final JsonMapper STRICT = JsonMapper.builder()
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.build();

		private final TypedValueSerializer delegate;

		Validating(TypedValueSerializer<?> delegate) {
			this.delegate = delegate;
		}

		@Override
		public void writeValue(TypedValue value, ValueFields fields) {
			if (value instanceof SerializableValue serializable && !serializable.isDeserialized()
					&& serializable.getValueSerialized() != null) {
				try {
					STRICT.readTree(serializable.getValueSerialized());
				}
				catch (JacksonException ex) {
					String where = ex.getLocation() == null ? ""
							: " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")";
					throw new MalformedVariableValueException(
							"Malformed Json variable value for " + fields.getName() + ": not well-formed JSON" + where);
				}
			}
			delegate.writeValue(value, fields);
		}

		@Override
		public String getName() {
			return delegate.getName();
		}

		@Override
		public ValueType getType() {
			return delegate.getType();
		}

		@Override
		public TypedValue readValue(ValueFields fields, boolean deserialize, boolean isTransient) {
			return delegate.readValue(fields, deserialize, isTransient);
		}

		@Override
		public boolean canHandle(TypedValue value) {
			return delegate.canHandle(value);
		}

		@Override
		public TypedValue convertToTypedValue(UntypedValueImpl untypedValue) {
			return delegate.convertToTypedValue(untypedValue);
		}

		@Override
		public String getSerializationDataformat() {
			return delegate.getSerializationDataformat();
		}

		@Override
		public boolean isMutableValue(TypedValue value) {
			return delegate.isMutableValue(value);
		}

	}

}
