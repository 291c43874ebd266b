/**
 * The playground's files — the BPS baseline, its scenarios and the local layer — as Monaco models,
 * and their analyses (the project tier's workspace, with the models' version ids as file versions:
 * editing the layer re-analyses only the layer, with the baseline it extends).
 */
import type { Analysis } from "@precept/language";
import { type ProjectHost, Workspace as ProjectWorkspace } from "@precept/project";
import { FILE_IDS } from "./examples.js";
import { monaco } from "./monaco.js";
import type { FileId } from "./share.js";
import { resolveShippedPackage } from "./shipped.js";

export type { FileId };

export interface PolicyFile {
  readonly id: FileId;
  /** The file's path, as Precept sees it (relative, `/`-separated). */
  readonly uri: string;
  readonly model: monaco.editor.ITextModel;
}

export const LANGUAGE_ID = "precept";

export function modelUri(uri: string): monaco.Uri {
  return monaco.Uri.from({ scheme: "precept", path: `/${uri}` });
}

export class Workspace {
  readonly files: Readonly<Record<FileId, PolicyFile>>;
  readonly host: ProjectHost;
  private readonly project: ProjectWorkspace;

  constructor(uris: Readonly<Record<FileId, string>>, texts: Readonly<Record<FileId, string>>) {
    const file = (id: FileId): PolicyFile => ({
      id,
      uri: uris[id],
      model: monaco.editor.createModel(texts[id], LANGUAGE_ID, modelUri(uris[id])),
    });
    this.files = { baseline: file("baseline"), scenarios: file("scenarios"), layer: file("layer") };
    this.host = {
      readFile: (uri) => this.fileByUri(uri)?.model.getValue(),
      version: (uri) => this.fileByUri(uri)?.model.getVersionId(),
      resolvePackage: resolveShippedPackage,
    };
    this.project = new ProjectWorkspace(this.host);
  }

  get all(): readonly PolicyFile[] {
    return FILE_IDS.map((id) => this.files[id]);
  }

  fileByUri(uri: string): PolicyFile | undefined {
    return this.all.find((f) => f.uri === uri);
  }

  fileOfModel(model: monaco.editor.ITextModel): PolicyFile | undefined {
    return this.all.find((f) => f.model === model);
  }

  /** The analysis of one file with the baselines it extends; cached until a file it read changes. */
  analyze(id: FileId): Analysis {
    return this.project.analyze(this.files[id].uri);
  }

  texts(): Record<FileId, string> {
    return {
      baseline: this.files.baseline.model.getValue(),
      scenarios: this.files.scenarios.model.getValue(),
      layer: this.files.layer.model.getValue(),
    };
  }

  setTexts(texts: Readonly<Record<FileId, string>>): void {
    for (const file of this.all) {
      if (file.model.getValue() !== texts[file.id]) file.model.setValue(texts[file.id]);
    }
  }
}
