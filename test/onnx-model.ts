import protobuf from "protobufjs";

/**
 * A tiny ONNX model built in code, so that tests need no binary fixture: `score = x · W + b`
 * (MatMul then Add) with a float input `x` of shape [1, n] and a float output `score` of shape
 * [1, 1]. The .proto below is the subset of onnx.proto (onnx/onnx, IR version 8) that such a
 * graph needs; field numbers are ONNX's own.
 */
const ONNX_PROTO = `
syntax = "proto3";
package onnx;
message OperatorSetIdProto { string domain = 1; int64 version = 2; }
message TensorProto {
  repeated int64 dims = 1;
  int32 data_type = 2;
  repeated float float_data = 4 [packed = true];
  string name = 8;
}
message TensorShapeProto {
  message Dimension { oneof value { int64 dim_value = 1; string dim_param = 2; } }
  repeated Dimension dim = 1;
}
message TypeProto {
  message Tensor { int32 elem_type = 1; TensorShapeProto shape = 2; }
  oneof value { Tensor tensor_type = 1; }
}
message ValueInfoProto { string name = 1; TypeProto type = 2; }
message NodeProto {
  repeated string input = 1;
  repeated string output = 2;
  string name = 3;
  string op_type = 4;
}
message GraphProto {
  repeated NodeProto node = 1;
  string name = 2;
  repeated TensorProto initializer = 5;
  repeated ValueInfoProto input = 11;
  repeated ValueInfoProto output = 12;
}
message ModelProto {
  int64 ir_version = 1;
  string producer_name = 2;
  GraphProto graph = 7;
  repeated OperatorSetIdProto opset_import = 8;
}
`;

/** ONNX's TensorProto.DataType.FLOAT. */
const FLOAT = 1;

const ModelProto = protobuf.parse(ONNX_PROTO).root.lookupType("onnx.ModelProto");

const floatTensorType = (dims: (number | string)[]) => ({
  tensorType: {
    elemType: FLOAT,
    shape: { dim: dims.map((dim) => (typeof dim === "number" ? { dimValue: dim } : { dimParam: dim })) },
  },
});

/** The bytes of an .onnx file computing `score = x · weights + bias` for x of shape [1, weights.length]. */
export function linearOnnxModel(weights: readonly number[], bias: number): Uint8Array {
  const model = {
    irVersion: 8,
    producerName: "tributary-tests",
    opsetImport: [{ domain: "", version: 13 }],
    graph: {
      name: "linear",
      node: [
        { input: ["x", "W"], output: ["xw"], name: "matmul", opType: "MatMul" },
        { input: ["xw", "b"], output: ["score"], name: "add", opType: "Add" },
      ],
      initializer: [
        { name: "W", dims: [weights.length, 1], dataType: FLOAT, floatData: [...weights] },
        { name: "b", dims: [1], dataType: FLOAT, floatData: [bias] },
      ],
      input: [{ name: "x", type: floatTensorType([1, weights.length]) }],
      output: [{ name: "score", type: floatTensorType([1, 1]) }],
    },
  };
  const problem = ModelProto.verify(model);
  if (problem) throw new Error(`The test model does not fit onnx.proto: ${problem}`);
  return ModelProto.encode(ModelProto.fromObject(model)).finish();
}
