"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { useId, useRef, useState, type ChangeEvent } from "react";
import { RoleNote } from "~/components/auth/role-note";
import { useMe } from "~/components/auth/use-me";
import { Banner, ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Select } from "~/components/ui/input";
import type { TPipelineModel } from "~/domain/pipelines/pipeline-dto";
import { formatBytes } from "~/domain/messages/decoders";
import { useTRPC } from "~/trpc/react";
import { modelNameFromFile, uploadModel } from "./upload-model";

type ModelFieldProps = {
  /** The select's id, so that the inspector's label points at it. */
  id?: string;
  /** The chosen model's id; "" when none. */
  value: string;
  onChange: (modelId: string) => void;
};

/** Picks an uploaded ONNX model by name, or uploads a new .onnx file; shows what the model reads and writes. */
export function ModelField({ id, value, onChange }: ModelFieldProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { can } = useMe();
  const permission = can("operator");
  const models = useQuery(trpc.pipelines.models.queryOptions());
  const fileInput = useRef<HTMLInputElement>(null);
  const uploadHintId = useId();
  const [upload, setUpload] = useState<
    { state: "idle" | "uploading" } | { state: "failed"; message: string; hint: string | null }
  >({
    state: "idle",
  });
  const chosen = models.data?.find((model) => model.id === value) ?? null;

  async function uploadFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setUpload({ state: "uploading" });
    const outcome = await uploadModel(file, modelNameFromFile(file.name));
    if (!outcome.ok) {
      setUpload({ state: "failed", message: outcome.message, hint: outcome.hint });
      return;
    }
    setUpload({ state: "idle" });
    await queryClient.invalidateQueries({ queryKey: trpc.pipelines.models.queryKey() });
    onChange(outcome.model.id);
  }

  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2">
        <Select
          id={id}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          disabled={models.isPending}
          className="min-w-0 flex-1"
        >
          <option value="">{models.isPending ? "Loading models…" : "Choose a model"}</option>
          {value !== "" && models.data && !chosen ? <option value={value}>A removed model ({value})</option> : null}
          {models.data?.map((model) => (
            <option key={model.id} value={model.id}>
              {model.name}
            </option>
          ))}
        </Select>
        <input
          ref={fileInput}
          type="file"
          accept=".onnx"
          className="hidden"
          aria-label="ONNX model file"
          onChange={(event) => void uploadFile(event)}
        />
        <Button
          onClick={() => fileInput.current?.click()}
          disabled={!permission.allowed || upload.state === "uploading"}
          title={permission.reason}
          aria-describedby={uploadHintId}
        >
          <Upload aria-hidden className="size-4" />
          {upload.state === "uploading" ? "Uploading…" : "Upload .onnx"}
        </Button>
      </div>
      <p id={uploadHintId} className="text-muted text-xs">
        The model runs in the dry run and the runner with onnxruntime, fed the listed fields as one row of floats.
      </p>
      <RoleNote permission={permission} />
      <ErrorBanner error={models.error} />
      {upload.state === "failed" ? (
        <Banner tone="danger" title={upload.message}>
          {upload.hint}
        </Banner>
      ) : null}
      {value !== "" && models.data && !chosen ? (
        <p className="text-danger text-xs">This model was removed; choose another or upload it again.</p>
      ) : null}
      {chosen ? <ModelPorts model={chosen} /> : null}
    </div>
  );
}

function ModelPorts({ model }: { model: TPipelineModel }) {
  return (
    <div className="border-line space-y-1 rounded-md border p-2 text-xs" data-testid="model-ports">
      <p className="text-muted">
        {formatBytes(model.sizeBytes)} · uploaded by {model.createdBy}
        {model.description ? ` · ${model.description}` : ""}
      </p>
      <PortList title="Inputs" ports={model.inputs} />
      <PortList title="Outputs" ports={model.outputs} />
    </div>
  );
}

function PortList({ title, ports }: { title: string; ports: TPipelineModel["inputs"] }) {
  return (
    <div>
      <p className="font-medium">{title}</p>
      <ul className="font-mono">
        {ports.map((port) => (
          <li key={port.name}>
            {port.name}: {port.type} [{port.dims.join(", ")}]
          </li>
        ))}
      </ul>
    </div>
  );
}
