package org.postguard.finetune;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The float weights of an ONNX model, read straight from its protocol-buffer bytes (no ONNX
 * library needed). Weights that the exporter renamed ({@code onnx::MatMul_787}) are named after
 * the node that multiplies by them, so {@code encoder.layer.0.attention.self.query.weightT} is
 * the query projection, stored transposed ({@code x · W}).
 *
 * <pre>{@code
 * Map<String, OnnxWeights.Tensor> w = OnnxWeights.read(in);
 * w.get("embeddings.word_embeddings.weight").dims(); // [30522, 384]
 * }</pre>
 */
final class OnnxWeights {
    /** A weight: its name in the ONNX file (which a patched copy of the file must use), shape and values. */
    record Tensor(String onnxName, long[] dims, float[] values) {
    }

    private final ByteBuffer bytes;
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    private final Map<String, String> names = new HashMap<>();

    private OnnxWeights(byte[] model) {
        bytes = ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN);
    }

    static Map<String, Tensor> read(InputStream in) throws IOException {
        OnnxWeights reader = new OnnxWeights(in.readAllBytes());
        reader.model();
        Map<String, Tensor> named = new LinkedHashMap<>();
        reader.tensors.forEach((name, tensor) -> named.put(reader.names.getOrDefault(name, name), tensor));
        return named;
    }

    private void model() {
        while (bytes.hasRemaining()) {
            long key = varint();
            if (key == (7 << 3 | 2)) { // ModelProto.graph
                graph(endOfField());
            } else {
                skip(key);
            }
        }
    }

    private void graph(int end) {
        while (bytes.position() < end) {
            long key = varint();
            if (key == (1 << 3 | 2)) { // GraphProto.node
                node(endOfField());
            } else if (key == (5 << 3 | 2)) { // GraphProto.initializer
                tensor(endOfField());
            } else {
                skip(key);
            }
        }
    }

    private void node(int end) {
        java.util.List<String> inputs = new java.util.ArrayList<>();
        String output = null;
        String op = null;
        while (bytes.position() < end) {
            long key = varint();
            if (key == (1 << 3 | 2)) {
                inputs.add(string());
            } else if (key == (2 << 3 | 2)) {
                output = output == null ? string() : skipString(output);
            } else if (key == (4 << 3 | 2)) {
                op = string();
            } else {
                skip(key);
            }
        }
        // "/encoder/layer.0/attention/self/query/MatMul_output_0" multiplies by the query weights
        if ("MatMul".equals(op) && inputs.size() == 2 && output != null && output.startsWith("/")) {
            String path = output.substring(1, output.lastIndexOf('/')).replace('/', '.');
            names.put(inputs.get(1), path + ".weightT");
        }
    }

    private void tensor(int end) {
        java.util.List<Long> dims = new java.util.ArrayList<>();
        int type = 0;
        String name = null;
        float[] values = null;
        while (bytes.position() < end) {
            long key = varint();
            if (key == (1 << 3)) {
                dims.add(varint());
            } else if (key == (1 << 3 | 2)) {
                int stop = endOfField();
                while (bytes.position() < stop) {
                    dims.add(varint());
                }
            } else if (key == (2 << 3)) {
                type = (int) varint();
            } else if (key == (8 << 3 | 2)) {
                name = string();
            } else if (key == (9 << 3 | 2)) { // raw_data, little-endian
                int length = (int) varint();
                if (type == 1) { // FLOAT
                    values = new float[length / 4];
                    bytes.slice(bytes.position(), length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
                }
                bytes.position(bytes.position() + length);
            } else {
                skip(key);
            }
        }
        if (name != null && values != null) {
            tensors.put(name, new Tensor(name, dims.stream().mapToLong(Long::longValue).toArray(), values));
        }
    }

    private long varint() {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = bytes.get();
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }

    private int endOfField() { // reads a length and returns where the field ends
        int length = (int) varint();
        return bytes.position() + length;
    }

    private String string() {
        byte[] text = new byte[(int) varint()];
        bytes.get(text);
        return new String(text, StandardCharsets.UTF_8);
    }

    private String skipString(String kept) {
        string();
        return kept;
    }

    private void skip(long key) {
        switch ((int) (key & 7)) {
            case 0 -> varint();
            case 1 -> bytes.position(bytes.position() + 8);
            case 2 -> bytes.position(endOfField());
            case 5 -> bytes.position(bytes.position() + 4);
            default -> throw new IllegalStateException("not an ONNX file: wire type " + (key & 7));
        }
    }
}
