/**
 * Every capability's worker jobs, registered by importing this file once: the worker entries
 * (workers/) do, and so does anything that runs jobs in its own thread (runJobLocal). Add one
 * import per capability that declares jobs (see src/engine/jobs.ts).
 */
import './analysis/centrality/jobs.ts';
import './campaign/jobs.ts';
import './crisis/jobs.ts';
import './analysis/distance/jobs.ts';
import './analysis/distance/six-degrees-jobs.ts';
import './analysis/graph-metric-jobs.ts';
import './seeding/jobs.ts';
import './seeding/seed-finding-jobs.ts';
import './calibration/jobs.ts';
import './ties/jobs.ts';
import './engine/simulation-jobs.ts';
