import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { orgLoaders, StaffType } from '../organization/index.js';
import { PerformanceRepository } from './performance.repository.js';
import { performanceLoaders } from './performance.loaders.js';
import { ScoreSubjectEnum, SUBJECT_COMPONENTS, type ScoreSubject } from './performance.enums.js';
import { PublishScoreWeightsInput, ScoreWeightType, ScoreWeightVersionType } from './performance.types.js';
import { validateWeights } from './score-weights.js';
import { recordAudit } from '../audit/audit.service.js';

@Resolver(() => ScoreWeightVersionType)
export class ScoreWeightsResolver {
  @Query(() => [ScoreWeightVersionType], { description: 'Published weight versions of the composite performance score, newest first.' })
  scoreWeightVersions(
    @Ctx() ctx: Context,
    @Arg('subject', () => ScoreSubjectEnum, { description: 'Client managers or branches.' }) subject: ScoreSubject,
  ): Promise<ScoreWeightVersionType[]> {
    return new PerformanceRepository(ctx.em).weightVersions(subject);
  }

  @Authorized('hq_planner')
  @Mutation(() => ScoreWeightVersionType, {
    description: 'Publishes a new weight version (n + 1) for a subject. The weights must be exactly the subject’s components, each in [0, 1], summing to exactly 1; otherwise BAD_USER_INPUT on `input.weights` and nothing is written. Earlier versions stay unchanged, so past rankings remain reproducible.',
  })
  async publishScoreWeights(
    @Ctx() ctx: Context,
    @Arg('input', () => PublishScoreWeightsInput, { description: 'The new weights.' }) input: PublishScoreWeightsInput,
  ): Promise<ScoreWeightVersionType> {
    const weights = validateWeights(input.subject, input.weights.map((w) => ({ component: w.component, weight: w.weight })));
    const note = input.note?.trim() ? input.note.trim() : null;
    return ctx.em.transactional(async (em) => {
      const repo = new PerformanceRepository(em);
      const id = await repo.insertWeightVersion(input.subject, weights, note, ctx.viewer?.staffId ?? null);
      const created = (await repo.weightVersionById(id))!;
      await recordAudit(em, ctx.viewer, 'score_weights.publish', 'score_weight_version', id, null, { subject: created.subject, version: created.version, weights, note });
      return created;
    });
  }

  @FieldResolver(() => [ScoreWeightType], { description: 'The component weights, in the subject’s component order.' })
  async weights(@Root() v: ScoreWeightVersionType, @Ctx() ctx: Context): Promise<ScoreWeightType[]> {
    const order = SUBJECT_COMPONENTS[v.subject];
    const rows = (await performanceLoaders(ctx).weights.load(v.id)) ?? [];
    return [...rows].sort((a, b) => order.indexOf(a.component) - order.indexOf(b.component)).map((r) => ({ component: r.component, weight: r.weight }));
  }

  @FieldResolver(() => StaffType, { nullable: true, description: 'Who published the version.' })
  publishedBy(@Root() v: ScoreWeightVersionType, @Ctx() ctx: Context): Promise<StaffType | null> | null {
    return v.publishedById === null ? null : orgLoaders(ctx).staff.load(v.publishedById);
  }
}
