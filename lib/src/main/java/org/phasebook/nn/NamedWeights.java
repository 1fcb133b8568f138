package org.phasebook.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The weights of a model held as named DJL arrays, in the order they were added, the way
 * PyTorch's {@code state_dict} names them: <em>parameters</em> (trained) and <em>buffers</em>
 * (constants a forward pass needs, such as a fixed basis; never trained, never saved).
 *
 * <p>Models in this project are functions of a weight map ({@code Map<String, NDArray>}). A
 * training step differentiates with respect to {@link #trainableCopies()} (fresh copies that
 * record gradients, because DJL forbids updating a leaf in place while it is being recorded)
 * and an optimiser then updates {@link #parameters()} in place. {@link #snapshot()} and
 * {@link #load(WeightSnapshot)} copy the parameters to and from plain Java arrays (checkpoints,
 * files). Every array lives in this object's own manager; close it to free them. Mutable, not
 * thread-safe.
 */
public final class NamedWeights implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();

    /**
     * An empty set whose arrays will live in a new sub-manager of {@code parent}.
     *
     * @param parent the parent manager
     */
    public NamedWeights(NDManager parent) {
        this.manager = Objects.requireNonNull(parent, "parent").newSubManager();
    }

    /**
     * The manager the arrays live in (to create arrays for {@link #addParameter}).
     *
     * @return the manager
     */
    public NDManager manager() {
        return manager;
    }

    /**
     * Adds a trained parameter.
     *
     * @param name   a new name
     * @param values the array; it is attached to this object's manager
     * @return {@code values}
     * @throws IllegalArgumentException if the name is taken or the array is not floating point
     */
    public NDArray addParameter(String name, NDArray values) {
        return add(parameters, name, values);
    }

    /**
     * Adds a constant that forward passes read but nothing trains or saves.
     *
     * @param name   a new name
     * @param values the array; it is attached to this object's manager
     * @return {@code values}
     */
    public NDArray addBuffer(String name, NDArray values) {
        return add(buffers, name, values);
    }

    private NDArray add(Map<String, NDArray> into, String name, NDArray values) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
        if (parameters.containsKey(name) || buffers.containsKey(name)) {
            throw new IllegalArgumentException("a weight named '" + name + "' already exists");
        }
        if (!values.getDataType().isFloating()) {
            throw new IllegalArgumentException("weight '" + name + "' must be floating point, got "
                + values.getDataType());
        }
        values.attach(manager);
        into.put(name, values);
        return values;
    }

    /**
     * The parameters and buffers, read-only, by name (what a forward pass without gradients
     * uses).
     *
     * @return the map; its arrays are this object's
     */
    public Map<String, NDArray> view() {
        Map<String, NDArray> all = new LinkedHashMap<>(parameters);
        all.putAll(buffers);
        return Collections.unmodifiableMap(all);
    }

    /**
     * The parameters only, in order (what an optimiser updates in place).
     *
     * @return the list
     */
    public List<NDArray> parameters() {
        return new ArrayList<>(parameters.values());
    }

    /**
     * The parameter names, in order.
     *
     * @return the names
     */
    public List<String> parameterNames() {
        return new ArrayList<>(parameters.keySet());
    }

    /**
     * Fresh copies of the parameters that record gradients, plus the buffers themselves, by name
     * (what a training step differentiates). The copies belong to the caller's scope.
     *
     * @return the map; iterate {@link #parameterNames()} to collect gradients in order
     */
    public Map<String, NDArray> trainableCopies() {
        Map<String, NDArray> all = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            NDArray copy = e.getValue().duplicate();
            copy.setRequiresGradient(true);
            all.put(e.getKey(), copy);
        }
        all.putAll(buffers);
        return Collections.unmodifiableMap(all);
    }

    /**
     * The number of trained scalars.
     *
     * @return the sum of the parameters' sizes
     */
    public long count() {
        return parameters.values().stream().mapToLong(NDArray::size).sum();
    }

    /**
     * Copies the parameters to Java arrays (as {@code float}).
     *
     * @return the snapshot
     */
    public WeightSnapshot snapshot() {
        Map<String, WeightSnapshot.Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            NDArray p = e.getValue();
            float[] values;
            if (p.getDataType() == DataType.FLOAT32) {
                values = p.toFloatArray();
            } else {
                try (NDArray converted = p.toType(DataType.FLOAT32, false)) {
                    values = converted.toFloatArray();
                }
            }
            tensors.put(e.getKey(), new WeightSnapshot.Tensor(p.getShape().getShape(), values));
        }
        return new WeightSnapshot(tensors);
    }

    /**
     * Replaces every parameter by a new array holding the snapshot's values (exactly, bit for
     * bit). Arrays obtained earlier from {@link #parameters()} or {@link #view()} are closed, so
     * load before training or inference, not during a step.
     *
     * @param snapshot values with exactly this object's parameter names and shapes
     * @throws IllegalArgumentException if a name is missing or extra, or a shape differs; no
     *     parameter is replaced then
     */
    public void load(WeightSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (!snapshot.tensors().keySet().equals(parameters.keySet())) {
            throw new IllegalArgumentException("the snapshot holds " + snapshot.tensors().keySet()
                + " but the model's parameters are " + parameters.keySet());
        }
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            long[] shape = snapshot.tensors().get(e.getKey()).shape();
            if (!java.util.Arrays.equals(shape, e.getValue().getShape().getShape())) {
                throw new IllegalArgumentException("weight '" + e.getKey() + "' has shape "
                    + e.getValue().getShape() + " but the snapshot's is "
                    + java.util.Arrays.toString(shape));
            }
        }
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            NDArray old = e.getValue();
            // A clone owned by libtorch: the created array is a view of a Java buffer that is
            // freed once it is closed, and toType does not copy when the type already matches.
            NDArray fresh;
            try (NDArray wrapped = manager.create(snapshot.values(e.getKey()), old.getShape());
                 NDArray typed = wrapped.toType(old.getDataType(), false)) {
                fresh = typed.duplicate();
            }
            fresh.attach(manager);
            e.setValue(fresh);
            old.close();
        }
    }

    /** Frees every array. */
    @Override
    public void close() {
        manager.close();
    }
}
