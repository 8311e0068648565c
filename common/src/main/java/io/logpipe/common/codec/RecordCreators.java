package io.logpipe.common.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.bean.PropertyValueBuffer;
import tools.jackson.databind.introspect.AnnotatedConstructor;

/**
 * Calls the constructors of the records on the topics (raw records, sources, documents)
 * through a method handle bound once per type, instead of Jackson's per-call
 * {@code MethodHandle.invokeWithArguments}.
 *
 * <p>
 * Why: Jackson 3.1 builds every record through
 * {@code AnnotatedConstructor.call(Object[])}, which is {@code invokeWithArguments}: it
 * adapts the handle to the arguments anew on each call. JFR put that adaptation at the
 * top of parser-service's decoding of a raw record (three records per event: the record,
 * its source, its trace context). A spreader handle made once does the same call without
 * it.
 *
 * <p>
 * Only the call changes: Jackson still binds every argument, and when a constructor
 * throws, the call is made again through Jackson so that the error is the one Jackson
 * reports (the records' constructors have no side effects).
 */
final class RecordCreators {

	private RecordCreators() {
	}

	static JacksonModule module() {
		return new JacksonModule() {

			@Override
			public String getModuleName() {
				return "logpipe-record-creators";
			}

			@Override
			public tools.jackson.core.Version version() {
				return tools.jackson.core.Version.unknownVersion();
			}

			@Override
			public void setupModule(SetupContext context) {
				context.addValueInstantiators(new Instantiators());
			}

		};
	}

	private static final class Instantiators extends ValueInstantiators.Base {

		@Override
		public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
				BeanDescription.Supplier description, ValueInstantiator instantiator) {
			if (!description.getBeanClass().isRecord() || !instantiator.canCreateFromObjectWith()
					|| !(instantiator.getWithArgsCreator() instanceof AnnotatedConstructor constructor)) {
				return instantiator;
			}
			try {
				MethodHandle handle = MethodHandles.publicLookup().unreflectConstructor(constructor.getAnnotated());
				MethodHandle spread = handle.asSpreader(Object[].class, constructor.getParameterCount())
					.asType(MethodType.methodType(Object.class, Object[].class));
				return new Direct(instantiator, spread);
			}
			catch (IllegalAccessException ex) {
				// A record that is not public: Jackson's own call reaches it.
				return instantiator;
			}
		}

	}

	private static final class Direct extends ValueInstantiator.Delegating {

		private final MethodHandle constructor;

		Direct(ValueInstantiator delegate, MethodHandle constructor) {
			super(delegate);
			this.constructor = constructor;
		}

		@Override
		public ValueInstantiator createContextual(DeserializationContext context,
				BeanDescription.Supplier description) {
			ValueInstantiator contextual = delegate().createContextual(context, description);
			return (contextual == delegate()) ? this : new Direct(contextual, this.constructor);
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, SettableBeanProperty[] properties,
				PropertyValueBuffer buffer) throws JacksonException {
			return createFromObjectWith(context, buffer.getParameters(context, properties));
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, Object[] arguments) throws JacksonException {
			try {
				return this.constructor.invokeExact(arguments);
			}
			catch (Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				return delegate().createFromObjectWith(context, arguments);
			}
		}

	}

}
