/**
 * Observers the action hands to the shared pipeline inside its RunIo. The pipeline calls them when it
 * supports them: `onTargetCreated` from withSession right after createTarget (before prepare), and
 * `onNetperfOutputs` from measure once per sample. Until it does, the action still gates; it only
 * cannot record created resources for the post step nor upload raw netperf output.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import type { KubernetesSettings } from '../config/run-config.js';
import type { GitHubContext } from '../github/context.js';
import { provenanceOf } from '../github/provenance.js';
import type { RunIo } from '../run/run-command.js';
import type { Scenario } from '../suite/model.js';
import type { CreatedResources } from '../targets/kubernetes/run-state.js';
import type { FleetTarget, ProcessOutput, Target } from '../targets/target.js';
import { createFiles } from '../util/files.js';
import { cleanupStateFor, nothingToDelete } from './cleanup-state.js';

/** The optional observers (the contract proposed to the pipeline). */
export interface PipelineHooks {
  /** The target, created and not yet prepared. */
  onTargetCreated?(target: Target): void;
  /** The outputs of one sample's netperf processes, in instance order. */
  onNetperfOutputs?(scenario: Scenario, outputs: readonly ProcessOutput[]): void;
}

/** RunIo with the hooks: what the action passes to `gate`. */
export type ObservedRunIo = RunIo & PipelineHooks;

/** A Kubernetes target as far as the post step cares: it can say what it created. */
interface RecordingTarget {
  createdResources(): CreatedResources;
}

/** What the tracker needs of a target: a single-pair or a fleet target, told apart by kind. */
export type TrackedTarget = Pick<Target | FleetTarget, 'kind'>;

/** The Kubernetes target's (single or fleet) record of what it created, when the target is one. */
export function createdResourcesOf(target: TrackedTarget | undefined): CreatedResources | undefined {
  if (target?.kind !== 'kubernetes') return undefined;
  const recording = target as TrackedTarget & Partial<RecordingTarget>;
  return typeof recording.createdResources === 'function' ? recording.createdResources() : undefined;
}

/** One sample's raw outputs as a text file: each instance's stdout, then its stderr and exit code. */
export function rawSampleText(outputs: readonly ProcessOutput[]): string {
  return outputs
    .map((output, index) => {
      const stderr = output.stderr.trim() === '' ? '' : `--- stderr\n${output.stderr.trimEnd()}\n`;
      return `=== instance ${index + 1} (exit ${output.exitCode ?? 'signal'})\n${output.stdout.trimEnd()}\n${stderr}`;
    })
    .join('');
}

/** Keeps the raw netperf output of every sample and writes it as `<folder>/<scenario>/sample-NN.txt`. */
export class RawOutputRecorder {
  private readonly samples: { scenario: string; index: number; text: string }[] = [];
  private readonly counts = new Map<string, number>();

  /** The hook to hand to the pipeline. */
  readonly record = (scenario: Scenario, outputs: readonly ProcessOutput[]): void => {
    const index = (this.counts.get(scenario.name) ?? 0) + 1;
    this.counts.set(scenario.name, index);
    this.samples.push({ scenario: scenario.name, index, text: rawSampleText(outputs) });
  };

  /** Number of samples recorded. */
  get size(): number {
    return this.samples.length;
  }

  /** Writes every recorded sample under `folder`; returns the paths written. */
  async write(folder: string): Promise<string[]> {
    const paths: string[] = [];
    for (const sample of this.samples) {
      const dir = join(folder, sample.scenario);
      await mkdir(dir, { recursive: true });
      const path = join(dir, `sample-${String(sample.index).padStart(2, '0')}.txt`);
      await writeFile(path, sample.text);
      paths.push(path);
    }
    return paths;
  }
}

/**
 * Saves what the Kubernetes target created for the post step: a first record as soon as the target
 * exists (a main step killed during prepare still leaves a record), the exact one after the pipeline's
 * own cleanup.
 */
export class ResourceTracker {
  private target: TrackedTarget | undefined;

  constructor(
    private readonly settings: KubernetesSettings,
    private readonly save: (stateJson: string) => void,
  ) {}

  /** The hook to hand to the pipeline. */
  readonly onTargetCreated = (target: TrackedTarget): void => {
    this.target = target;
    const resources = createdResourcesOf(target);
    if (resources !== undefined)
      this.save(JSON.stringify(cleanupStateFor(this.settings, resources, 'started')));
  };

  /** Saves the final record; true when nothing is left for the post step to delete. */
  finish(): boolean {
    const resources = createdResourcesOf(this.target);
    if (resources === undefined) return true;
    const state = cleanupStateFor(this.settings, resources, 'finished');
    this.save(JSON.stringify(state));
    return nothingToDelete(state);
  }
}

/**
 * The RunIo both modes hand the pipeline: files, the step's log (progress and tables), the clock and
 * the run's provenance, plus the given hooks.
 */
export function actionRunIo(context: GitHubContext, hooks: PipelineHooks = {}): ObservedRunIo {
  const io: ObservedRunIo = {
    files: createFiles(),
    log: (line) => core.info(line),
    print: (text) => core.info(text.trimEnd()),
    now: () => new Date(),
    ...hooks,
  };
  const provenance = provenanceOf(context);
  if (provenance !== undefined) io.provenance = provenance;
  return io;
}
