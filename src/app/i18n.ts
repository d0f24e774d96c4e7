/**
 * The string catalogue: every user-visible string goes through t(key, vars). English now;
 * another language is one more table of the same type (the compiler lists missing keys).
 * Placeholders are {name}; the result is plain text, always set with textContent. The Model tab's
 * parameter labels come from the parameter table (src/all-params.ts).
 */
import { GAMMA, P, PHI, RNG_SEED, RUNS } from '../diffusion/params.ts';

const EN = {
  'app.title': 'Ripple',
  'app.tagline': 'How far does a post travel through a follower graph?',
  'app.loading': 'Loading Ripple…',

  'tab.data': 'Data',
  'tab.seeds': 'Seeds',
  'tab.model': 'Model',
  'tab.results': 'Results',
  'tabs.label': 'Panels',

  'data.dataset': 'Bundled dataset',
  'data.open': 'Open a graph file…',
  'data.drop':
    'or drop a file on the graph. Edge lists (.txt .csv .tsv .edges, optionally .gz), GEXF, GraphML, graphology JSON.',
  'data.citation': 'Cite: {citation}',
  'data.source': 'Source: {source}',
  'data.loadingName': 'Loading {name}…',
  'data.summary':
    '{name}: {nodes} nodes, {edges} edges, {directed}, {components} components (largest {largest}).',
  'data.dropped': 'Dropped while loading: self-loops {selfLoops}, duplicate edges {duplicates}.',
  'data.directed': 'directed',
  'data.undirected': 'undirected',
  'data.warnings': 'Notes from the loader: {warnings}',
  'data.direction': 'How edges are read',
  'data.direction.help': 'Changing it reloads the graph: who can reach whom depends on it.',
  'data.fileAgain': 'This scenario used the file {name}; open it again to continue.',

  'direction.title': 'Which way do the edges of {file} point?',
  'direction.firstLines': 'First lines of the file',
  'direction.undirected': 'Undirected: a line "a b" is a mutual tie',
  'direction.influences': "a b: a's posts reach b",
  'direction.follows': "a b: a follows b (b's posts reach a)",
  'direction.guess.header-follows': 'Guess: the column names mention following.',
  'direction.guess.header-influences': 'Guess: the column names say source and target.',
  'direction.guess.reciprocal': 'Guess: most pairs appear both ways, so ties look mutual.',
  'direction.guess.default-follows': 'Guess: follower exports usually mean "a follows b".',
  'direction.values': 'Third column',
  'direction.values.probability': 'transmission probability (0 to 1)',
  'direction.values.weight': 'tie strength (weight)',
  'direction.values.ignore': 'ignore it',
  'direction.load': 'Load graph',
  'direction.cancel': 'Cancel',

  'layout.running': 'Laying out the graph… ({seconds} s)',
  'layout.stop': 'Stop layout',
  'layout.resume': 'Improve layout',
  'layout.done': 'Layout ready.',
  'layout.fromFile': 'Positions from the file.',
  'layout.cached': 'Layout from cache.',
  'layout.bundled': 'Layout computed in advance (ForceAtlas2).',
  'view.budget':
    'Showing the {shown} best-connected of {total} accounts ({edges} edges drawn); simulations always use the whole graph.',
  'view.unavailable':
    'This browser cannot draw the graph (WebGL is off or unavailable). Simulations, analyses and CSV exports still work.',
  'view.label': 'Graph of {name}. Click an account to make it a seed.',
  'view.legend.seed': 'seed (one colour per launch group)',
  'view.legend.account': 'account',
  'view.legend.heat': 'share of runs reached: 0 → 100%',

  'seeds.search': 'Find an account by id or label',
  'seeds.searchButton': 'Add as seed',
  'seeds.noMatch': 'No account with id or label "{query}".',
  'seeds.topK': 'Add the top',
  'seeds.by': 'by',
  'seeds.by.degree': 'degree (audience reached directly)',
  'seeds.by.indegree': 'in-degree (accounts they hear from)',
  'seeds.by.pagerank': 'PageRank',
  'seeds.add': 'Add',
  'seeds.clear': 'Clear all seeds',
  'seeds.group': 'Group {index}',
  'seeds.groupStart': 'starts at step',
  'seeds.addGroup': 'New seed group',
  'seeds.removeGroup': 'Remove group',
  'seeds.active': 'Clicks and searches add to',
  'seeds.remove': 'Remove {id}',
  'seeds.empty': 'No seeds yet: click accounts on the graph, search, or add the top K.',
  'seeds.launch': 'Launch',
  'seeds.launch.help':
    'Groups starting at the same step launch together (synchronous); different steps stagger the launch.',
  'seeds.random': 'Random seeds in every run',
  'seeds.randomUse': 'Instead, draw this many random seeds afresh in every run',
  'seeds.randomK': 'Random seeds per run',
  'seeds.count': 'Seeds: {count}; launch groups: {groups}',

  'model.label': 'Model',
  'model.ic': 'Independent cascade',
  'model.wc': 'Weighted cascade',
  'model.lt': 'Linear threshold',
  'model.sir': 'SIR (susceptible, infectious, recovered)',
  'model.threshold': 'Fractional threshold (complex contagion)',
  'model.ic.help':
    'Each newly active account gets one chance to pass the post to each follower; p is the chance that one follower adopts from one exposure.',
  'model.ic.fileHelp':
    'Each newly active account gets one chance per follower, with the probability the file gives that tie.',
  'model.wc.help':
    'Like independent cascade, but the chance that v adopts from one active account is 1 / (number of accounts v hears from): busy audiences are harder to reach.',
  'model.lt.help':
    'An account adopts when the summed weight of its active sources passes its own random threshold; each source weighs 1 / in-degree (or its tie strength, normalised).',
  'model.sir.help':
    'Each step every infectious account infects each susceptible follower with probability p, then recovers (stops spreading) with probability gamma.',
  'model.threshold.help':
    'An account adopts once at least a fraction phi of the accounts it hears from have adopted: ideas that need social proof.',
  'param.p': P.label.en,
  'param.gamma': GAMMA.label.en,
  'param.phi': PHI.label.en,
  'param.maxSteps': 'Stop after step (empty = until it dies out)',
  'param.useFile': "Use the file's per-edge probabilities",
  'param.ties': 'Tie strength',
  'param.ties.file': "from the file's weights",
  'param.ties.equal': 'all ties equal',
  'param.runs': RUNS.label.en,
  'param.rng': RNG_SEED.label.en,
  'param.invalid': '{name}: {problem}',

  'run.run': 'Run',
  'run.cancel': 'Cancel',
  'run.progress': 'Simulation progress',
  'run.running': 'Simulating… {done} of {total} runs, about {left} left',
  'run.runningNoEta': 'Simulating… {done} of {total} runs',
  'run.done': 'Done: {runs} runs in {seconds} s.',
  'run.cancelled': 'Cancelled.',
  'run.error': 'Error: {message}',
  'run.noSeeds': 'Choose at least one seed first.',
  'run.noGraph': 'Load a graph first.',
  'run.stale': 'The scenario changed since this result; press Run to update.',

  'result.mean': 'Mean reach',
  'result.meanLine': 'accounts (95% CI {lo} – {hi}), {share} of the network; {exposed} saw it.',
  'result.none': 'Press Run to simulate.',
  'result.hops': 'Reach by hop',
  'result.hops.simulated': 'Simulated reach (mean)',
  'result.hops.structural': 'Could be reached along follower chains (the ceiling)',
  'result.hops.axis': 'within h hops of the seeds (6+ = any distance)',
  'result.adoption': 'Adoption over time',
  'result.adoption.mean': 'Mean active accounts',
  'result.adoption.band': '95% confidence band',
  'result.adoption.axis': 'step',
  'result.sizes': 'Cascade sizes',
  'result.sizes.count': 'Runs',
  'result.sizes.axis': 'accounts reached in one run',
  'result.sizes.note': 'min {min}, median {median}, max {max}',
  'result.sizes.log': 'Logarithmic count axis (shows rare large cascades)',
  'result.accounts': 'accounts',
  'result.table': 'Data table',

  'error.badUrl': 'The graph address "{url}" is not a valid URL.',
  'error.otherOrigin':
    'The graph address "{url}" is on another site; Ripple only loads graphs from its own origin.',
  'error.fetch': '{name} could not be fetched ({detail}).',
  'error.worker': '{file}: the loader stopped unexpectedly {detail}',
  'error.kept': 'The previous graph is still loaded.',
  'error.dismiss': 'Dismiss',

  // Opinion leaders and communities (src/app/panels/leaders, src/app/panels/communities).
  'leaders.title': 'Leaders',
  'leaders.intro':
    'Who are the opinion leaders? Each column ranks accounts by one measure; simulated influence is how far a post spreads when that account alone starts it.',
  'leaders.metric.degree': 'Degree',
  'leaders.metric.indegree': 'In-degree',
  'leaders.metric.outdegree': 'Out-degree',
  'leaders.metric.pagerank': 'PageRank',
  'leaders.metric.betweenness': 'Betweenness',
  'leaders.metric.closeness': 'Closeness',
  'leaders.metric.eigenvector': 'Eigenvector',
  'leaders.metric.hits': 'HITS authority',
  'leaders.metric.kcore': 'k-core',
  'leaders.metric.influence': 'Influence (lone seed)',
  'leaders.col.rank': '#',
  'leaders.col.id': 'Account',
  'leaders.col.actions': 'Actions',
  'leaders.search': 'Search by id or label',
  'leaders.matches': '{count} accounts match',
  'leaders.page': 'Page {page} of {pages}',
  'leaders.prev': 'Previous page',
  'leaders.next': 'Next page',
  'leaders.sortBy': 'Sort by {metric}',
  'leaders.addSeed': 'Add to seeds',
  'leaders.addSeedLabel': 'Add {id} to the seeds',
  'leaders.isSeed': 'Seed',
  'leaders.added': '{id} added to seed group {group}.',
  'leaders.focused': 'Showing {id} on the graph.',
  'leaders.notDrawn': '{id} is not among the accounts drawn on the graph.',
  'leaders.heavy': 'Compute betweenness and closeness',
  'leaders.heavy.help': 'One shortest-path search per account, in the background workers.',
  'leaders.influence': 'Simulate influence',
  'leaders.influence.help':
    'Expected reach of each account as a lone seed under the scenario’s model ({model}), from {sets} reverse-reachable samples, with a 95% interval.',
  'leaders.influence.sets': 'Samples',
  'leaders.influence.model':
    'Influence needs the independent cascade, weighted cascade or linear threshold model.',
  'leaders.influence.ci': '95% CI {lo} – {hi}',
  'leaders.influence.stale': 'Influence was computed for another model or parameters; compute it again.',
  'leaders.export': 'Export table (CSV)',
  'leaders.exported': 'Downloaded {file}.',
  'leaders.sampled': 'Betweenness is estimated from {samples} sampled sources.',
  'leaders.notConverged': '{metric} did not converge; the scores are the last iterate.',
  'task.cancel': 'Cancel',
  'task.progress': '{done} of {total}, about {left} left',
  'task.progressNoEta': '{done} of {total}',
  'task.done': 'Done in {seconds} s.',
  'leaders.job.light': 'Computing degree, PageRank, eigenvector, HITS and k-core…',
  'leaders.job.betweenness': 'Computing betweenness…',
  'leaders.job.closeness': 'Computing closeness…',
  'leaders.job.influence': 'Simulating influence…',
  'leaders.job.cancelled': 'Cancelled; the columns computed so far are kept.',
  'leaders.job.error': 'Could not compute: {message}',
  'leaders.view.title': 'Show on the graph',
  'leaders.view.color': 'Colour by',
  'leaders.view.size': 'Size by',
  'leaders.view.none': 'nothing (plain)',
  'leaders.view.legend': '{metric}, by rank: lowest → highest',
  'leaders.view.legendSize': 'size: {metric}',
  'leaders.agree.title': 'Do structure and simulation agree?',
  'leaders.agree.metric': 'Compare influence with',
  'leaders.agree.overlap': 'Top-{k} overlap: {common} of {k} accounts in both top lists',
  'leaders.agree.spearman': 'Spearman rank correlation: {rho}',
  'leaders.agree.none': 'Simulate influence to compare it with the structural measures.',
  'leaders.agree.x': '{metric} (rank)',
  'leaders.agree.y': 'influence (rank)',
  'leaders.agree.points': 'Accounts',
  'leaders.agree.explain':
    'Ranks 1 = top. Points near the diagonal are ranked alike; a high overlap means the cheap structural measure finds the same leaders as the simulation.',
  'communities.title': 'Communities',
  'communities.intro':
    'Louvain groups accounts that are more tightly connected to each other than to the rest. Modularity (from −0.5 to 1) says how clear-cut the groups are.',
  'communities.rng': 'Random seed',
  'communities.resolution': 'Resolution',
  'communities.find': 'Find communities',
  'communities.job': 'Finding communities (Louvain)…',
  'communities.summary': '{count} communities, modularity {modularity}',
  'communities.color': 'Colour the graph by community while this tab is open',
  'communities.rest': 'other, smaller communities',
  'communities.badRng': 'Random seed: expected a whole number.',
  'communities.badResolution': 'Resolution: expected a number above 0.',
  'communities.col.community': 'Community',
  'communities.col.size': 'Accounts',
  'communities.col.share': 'Share of network',
  'communities.col.seeds': 'Seeds',
  'communities.col.reached': 'Mean reached',
  'communities.col.shareReached': 'Share reached',
  'communities.col.entered': 'Entered in ≥',
  'communities.highlight': 'Highlight community {community}',
  'communities.more': '{count} smaller communities not listed.',
  'communities.reach.title': 'Where did the last run go?',
  'communities.reach.none': 'Run a simulation to see which communities the content entered.',
  'communities.reach.summary': 'Entered {entered} of {count} communities; never entered {never}.',
  'communities.reach.never': 'never entered',
  'communities.reach.stale': 'The last run was on another graph.',
  'communities.seed.title': 'One seed per community',
  'communities.seed.count': 'Largest communities',
  'communities.seed.metric': 'Best account by',
  'communities.seed.launch': 'Seed one per community',
  'communities.seed.done': '{count} seeds set, one per community; press Run to simulate.',
  'communities.seed.help': 'Replaces the seeds with the best account of each of the largest communities.',

  // Six degrees, compare, educator mode (src/app/panels/six-degrees, compare, educator).
  'six.tab': 'Six degrees',
  'six.graphTitle': 'How small is this world?',
  'six.intro':
    'How many hand-offs separate two accounts? The hop plot counts the ordered pairs of accounts within h hops of each other (in the largest connected part, along the direction posts travel).',
  'six.mode': 'Distances',
  'six.mode.auto': 'exact while quick, else estimated',
  'six.mode.exact': 'exact (every account searched)',
  'six.mode.approx': 'estimated (HyperANF)',
  'six.compute': 'Compute',
  'six.computing': 'Measuring distances…',
  'six.cancelled': 'Cancelled.',
  'six.error': 'Could not compute: {message}',
  'six.avgDistance': 'Average distance',
  'six.effective': 'Effective diameter (90% of pairs)',
  'six.diameter': 'Diameter',
  'six.component': 'Measured over',
  'six.componentValue': '{nodes} of {total} accounts, {pairs} connected ordered pairs',
  'six.exactNote': 'Exact: a breadth-first search from every account.',
  'six.approxNote':
    'Estimated by HyperANF ({registers} registers per account): each count of pairs is within ±{error}% (one standard deviation); the diameter shown is a lower bound.',
  'six.hopPlot': 'Hop plot',
  'six.scale': 'Show',
  'six.scale.pairs': 'ordered pairs within h hops',
  'six.scale.share': 'share of connected pairs within h hops (%)',
  'six.hops': 'hops',
  'six.hop': 'Hops',
  'six.accounts': 'accounts',
  'six.reachTitle': 'Reach of the current seeds',
  'six.reachIntro':
    'Could reach: accounts within h hops of the seeds if everyone passed the post on. Did reach: the mean the last simulation reached within h hops along its chains of hand-offs.',
  'six.reachChart': 'Within h hops: could reach vs did reach',
  'six.structure': 'Could reach (structure)',
  'six.behaviour': 'Did reach (last simulation)',
  'six.seedsRow': '0 (seeds)',
  'six.noRun': 'Run a simulation to compare with what the post actually reached.',
  'six.lastRun': 'Last simulation: {runs} runs of {model}.',
  'six.otherSeeds': 'The last simulation ({runs} runs) used other seeds; run again to compare these.',

  'compare.tab': 'Compare',
  'compare.keep': 'Keep this result',
  'compare.kept': 'Kept as "{label}" (see Compare).',
  'compare.intro':
    'Keep results side by side: one big account against five small ones, launching together against staggered, chosen seeds against the most connected.',
  'compare.empty': 'Nothing kept yet: after a run, press "Keep this result".',
  'compare.saved': 'Kept results are saved in this browser and come back after a reload.',
  'compare.restoreDropped': '{count} saved result(s) could not be read back and were left out.',
  'compare.saveFailed': 'Could not save the kept results in this browser: {message}',
  'compare.label': 'Name',
  'compare.mean': 'Mean reach',
  'compare.ci': '95% CI',
  'compare.share': 'Share',
  'compare.exposed': 'Exposed',
  'compare.seeds': 'Seeds',
  'compare.model': 'Model',
  'compare.params': 'Parameters',
  'compare.graph': 'Graph',
  'compare.actions': 'Actions',
  'compare.rename': 'Name of result {label}',
  'compare.remove': 'Remove',
  'compare.removeOne': 'Remove {label}',
  'compare.random': 'random',
  'compare.fileP': "the file's",
  'compare.maxSteps': 'at most {steps} steps',
  'compare.runs': 'runs',
  'compare.accounts': 'accounts reached (mean)',
  'compare.adoption': 'Adoption over time',
  'compare.hops': 'Reach by hop',
  'compare.step': 'step',
  'compare.hop': 'hops from the seeds',

  'educator.enter': 'Educator mode',
  'educator.title': 'One post, step by step',
  'educator.reachedLabel': 'people reached',
  'educator.hopsLabel': 'hops from the first post',
  'educator.step': 'Step {step} of {last}',
  'educator.start': 'The seeds have posted. Press → or space to pass it on.',
  'educator.newly': '{count} new this step.',
  'educator.done': 'The cascade has stopped: nobody new is reached.',
  'educator.back': 'Back',
  'educator.next': 'Next step',
  'educator.again': 'Another cascade',
  'educator.graph': 'Class graph:',
  'educator.otherGraph': '(this graph)',
  'educator.exit': 'Leave educator mode',
  'educator.keys': '→ or space: next step · ←: back · Esc: leave',
  'educator.computing': 'Preparing the cascade…',
  'educator.noSeeds': 'There is no seed: leave this mode and click an account to choose one.',
  'educator.error': 'The cascade could not be computed: {message}',
  'educator.switched': "Educator mode uses a small graph: switched to Zachary's karate club.",

  // Seed finding and critical mass (src/app/panels/seed-finding, src/app/panels/critical-mass).
  'seedfind.title': 'Suggest seeds',
  'seedfind.intro':
    'Which K accounts should launch a post so it travels furthest? Pick a budget and a method; the suggested accounts are measured with fresh simulations.',
  'seedfind.k': 'Budget K (seed accounts)',
  'seedfind.method': 'Method',
  'seedfind.model': 'Model',
  'seedfind.p': 'Probability p',
  'seedfind.useFile': "Use the file's per-edge probabilities",
  'seedfind.epsilon': 'IMM accuracy epsilon (smaller: slower, closer to the best)',
  'seedfind.runs': 'Monte Carlo runs measuring the result',
  'seedfind.rng': 'Random seed',
  'seedfind.run': 'Suggest seeds',
  'seedfind.cancelled': 'Cancelled; the previous suggestion is kept.',
  'seedfind.error': 'Could not suggest seeds: {message}',
  'seedfind.method.imm': 'IMM (near-optimal, with a guarantee)',
  'seedfind.method.celf': 'CELF greedy (small graphs)',
  'seedfind.method.degree': 'Largest audience (degree)',
  'seedfind.method.degreeDiscount': 'Degree discount',
  'seedfind.method.pagerank': 'PageRank',
  'seedfind.method.community': 'Spread over communities',
  'seedfind.method.random': 'Random accounts',
  'seedfind.help.imm':
    'IMM samples "who could have reached whom" sets and picks the accounts covering most of them: with high probability its reach is at least 63% − epsilon of the best possible.',
  'seedfind.help.celf':
    'CELF adds, one at a time, the account that raises the simulated reach most, re-checking only the promising candidates.',
  'seedfind.help.celfRuns':
    'Each estimate uses {runs} simulations, and the first round simulates every account.',
  'seedfind.help.degree':
    'The accounts that reach the most people directly. Simple, but their audiences often overlap.',
  'seedfind.help.degreeDiscount':
    'Like degree, but an account counts less once a neighbour is chosen, since that audience is partly covered already.',
  'seedfind.help.pagerank': 'The accounts whose attention flows in from other well-connected accounts.',
  'seedfind.help.community':
    'The biggest accounts of each community, seats shared out by community size, so no single group takes the whole budget.',
  'seedfind.help.random': 'K accounts drawn at random: the baseline every method should beat.',
  'seedfind.celfDisabled':
    'CELF is off for this graph: it simulates each of the {nodes} accounts many times, too slow above {limit} accounts. IMM gives the same quality in seconds.',
  'seedfind.invalidWhole': '{name}: expected a whole number from {min} to {max}, got "{got}".',
  'seedfind.invalidP': 'Probability p: expected a number from 0 to 1, got "{got}".',
  'seedfind.invalidEpsilon': 'IMM accuracy epsilon: expected a number between 0 and 1, got "{got}".',
  'seedfind.phase.starting': 'Starting…',
  'seedfind.phase.choosing': 'Choosing the seeds…',
  'seedfind.phase.sampling': 'Estimating the best reach: {sets} sampled sets',
  'seedfind.phase.selection': 'Selecting the seeds: {sets} sampled sets',
  'seedfind.phase.celfFirst': 'CELF: simulating every account as a seed',
  'seedfind.phase.celf': 'CELF: seeds chosen',
  'seedfind.phase.budget': 'Budget curve: reach of the first k seeds',
  'seedfind.phase.measuring': 'Measuring the reach with fresh simulations',
  'seedfind.heading': '{method}: {k} suggested accounts',
  'seedfind.spread':
    'Expected reach {mean} accounts (95% CI {lo} – {hi}), {share}% of the network, from {runs} fresh simulations.',
  'seedfind.details.imm':
    'Chosen on {sets} sampled sets in {seconds} s; guaranteed at least {guarantee}% of the best possible reach (with high probability).',
  'seedfind.details.community': 'Seats shared over {communities} communities.',
  'seedfind.details.time': 'Chosen in {seconds} s.',
  'seedfind.audience': 'audience {degree}',
  'seedfind.use': 'Use as seeds',
  'seedfind.used': 'The scenario now starts from these {k} accounts; press Run to simulate.',
  'seedfind.highlight': 'Highlight on the graph',
  'seedfind.announce': '{method} suggested {k} accounts.',
  'seedfind.curve.title': 'Budget curve: expected reach of the first k seeds',
  'seedfind.curve.x': 'seed accounts k',
  'seedfind.curve.y': 'expected reach (accounts)',
  'seedfind.curve.table': 'The curves as a table (expected reach, 95% CI)',
  'seedfind.curve.tooltip': '{method}, k = {k}: {spread} (95% CI {lo} – {hi})',
  'seedfind.curve.marginal':
    '{method}: the first account reaches about {first}; going from {prev} to {k} accounts adds about {gain} more.',

  'critical.title': 'Critical mass',
  'critical.explain.title': 'What is a tipping point?',
  'critical.explain.body':
    'A post spreads like a chain: each person who shares it passes it on to some of their followers. If, on average, each sharer passes it to fewer than one new person, the chain dies out near where it started. If each passes it to more than one, it can snowball through the whole network. The tipping point is the value where one turns into the other.',
  'critical.explain.examples':
    'Near it, a small change makes a big difference: a slightly more contagious message, a few more seed accounts, or people who need a little less persuading. The chart shows how far posts travel as one of these is turned up, and where the jump happens.',
  'critical.vary': 'Turn up',
  'critical.vary.p': 'spread probability p',
  'critical.vary.k': 'number of seed accounts k',
  'critical.vary.phi': 'adoption threshold phi',
  'critical.model': 'Model',
  'critical.from': 'From',
  'critical.to': 'To',
  'critical.steps': 'Points',
  'critical.runs': 'Runs per point',
  'critical.p': 'Probability p',
  'critical.gamma': 'Recovery gamma',
  'critical.phi': 'Threshold phi',
  'critical.seeds': 'Seeds',
  'critical.seeds.random': 'one random account per run',
  'critical.seeds.scenario': "the scenario's seeds",
  'critical.by': 'Seed accounts',
  'critical.by.degree': 'top k by audience (degree)',
  'critical.by.pagerank': 'top k by PageRank',
  'critical.by.random': 'k random accounts per run',
  'critical.target': 'Find the fewest seeds reaching (% of the network)',
  'critical.rng': 'Random seed',
  'critical.run': 'Find the tipping point',
  'critical.cancelled': 'Cancelled; the previous sweep is kept.',
  'critical.error': 'The sweep failed: {message}',
  'critical.phase': 'Sweeping the {what}…',
  'critical.noSeeds': 'The scenario has no seeds yet: choose some, or sweep from one random account per run.',
  'critical.invalidWhole': '{name}: expected a whole number from {min} to {max}, got "{got}".',
  'critical.invalidNumber': '{name}: expected a number from {min} to {max}, got "{got}".',
  'critical.invalidRange': 'From must be smaller than To.',
  'critical.axis.p': 'spread probability p',
  'critical.axis.k': 'number of seed accounts k',
  'critical.axis.phi': 'adoption threshold phi',
  'critical.chart.title': 'How far posts travel as the dial is turned up',
  'critical.chart.reach': 'mean reach (% of accounts)',
  'critical.chart.global': 'runs that went global (%)',
  'critical.chart.band': '95% confidence band',
  'critical.chart.mean': 'Mean reach',
  'critical.chart.globalLine': 'Runs that went global (over 10% of accounts)',
  'critical.chart.critical': 'tipping point {x}',
  'critical.chart.theory': 'theory {x}',
  'critical.point': 'Tipping point',
  'critical.none': 'none in this range',
  'critical.detector.susceptibility': 'where the cascades that stay small are largest',
  'critical.detector.globalOnset': 'where the share of global runs jumps',
  'critical.detector.reachPerSeed': 'where the reach per seed jumps',
  'critical.theory': 'Theory',
  'critical.theory.none': 'no formula for this sweep',
  'critical.fewest': 'Fewest seeds for {target}% reach',
  'critical.fewest.value': '{k} accounts (mean reach {share}% of the network, 95% CI {lo} – {hi} accounts)',
  'critical.fewest.none': 'not reached even with every account in the ranking',
  'critical.work': 'Simulated',
  'critical.work.value': '{points} points, {runs} runs',
  'critical.reading.p':
    'Below p ≈ {x} most posts fizzle out near their source; above it a sizeable share of them reach the wider network.',
  'critical.reading.k':
    'Around {x} seed accounts the reach per seed jumps: from there on, the seeds together tip cascades far beyond their own audiences.',
  'critical.reading.phi':
    'With thresholds up to about {x} a single account can set off a global cascade; pickier audiences stop it.',
  'critical.reading.none': 'No tipping point in this range: try a wider range or more points.',
  'critical.table.title': 'Every point of the sweep',
  'critical.table.mean': 'mean reach',
  'critical.table.ci': '95% CI',
  'critical.table.global': 'went global',

  // Playback, saving and sharing, exports (src/app/playback, persist, export).
  'playback.title': 'Playback: one sampled cascade (run {run})',
  'playback.label': 'Playback of one cascade',
  'playback.play': 'Play',
  'playback.pause': 'Pause',
  'playback.back': '◀ Step',
  'playback.backLabel': 'Step back',
  'playback.forward': 'Step ▶',
  'playback.forwardLabel': 'Step forward',
  'playback.time': 'Time',
  'playback.step': 'Step {step} of {end}',
  'playback.active': '{count} active',
  'playback.exposed': '{count} reached without adopting',
  'playback.speed': 'Speed',
  'playback.speedValue': '{speed} steps/s',
  'playback.colorBy': 'Colour by',
  'playback.colorBy.hop': 'hop from a seed',
  'playback.colorBy.step': 'time step',
  'playback.legend.seed': 'seed',
  'playback.legend.hop': 'hop {level}',
  'playback.legend.step': 'step {level}',
  'playback.legend.exposed': 'reached, did not adopt',
  'playback.legend.inactive': 'not reached',
  'playback.keys': 'Keys: Space play/pause · ← → step · Home/End start/end.',
  'playback.close': 'Close playback',
  'playback.open': 'Replay one cascade',

  'tab.share': 'Save & share',
  'share.link': 'Link to this scenario',
  'share.copyLink': 'Copy link',
  'share.linkCopied': 'Link copied: it opens this exact scenario and gives the same numbers.',
  'share.linkHelp':
    'The address bar always holds the whole scenario (graph, direction, model, parameters, seed groups, runs, random seed).',
  'share.scenario': 'Scenario file',
  'share.exportScenario': 'Export scenario (JSON)',
  'share.importScenario': 'Import scenario (JSON)',
  'share.imported': 'Scenario imported from {file}.',
  'share.hashError': 'This link could not be opened: {message}. The current scenario is kept.',
  'share.restored': 'Restored your last session from this browser.',
  'share.autosave': 'Your work is saved in this browser as you go.',
  'share.autosaveOff':
    'This browser does not allow saving (IndexedDB unavailable): keep the link or export the scenario.',
  'share.fileTooBig': '{name} is too large to keep in this browser; after a reload, open it again.',
  'share.results': 'Export results',
  'share.noResult': 'Run a simulation to export its results.',
  'share.csv.summary': 'Summary (CSV)',
  'share.csv.hops': 'Reach by hop (CSV)',
  'share.csv.adoption': 'Adoption by step (CSV)',
  'share.csv.histogram': 'Cascade sizes (CSV)',
  'share.csv.nodes': 'Activation frequency per account (CSV)',
  'share.png': 'Graph picture (PNG)',
  'share.downloaded': 'Downloaded {file}.',
  'share.saved': 'Saved in this browser.',

  // Language switch (src/app/language).
  'language.label': 'Language',
  'data.datasetOption': '{name} ({nodes} nodes)',
  'result.meanCi': '{mean} (95% CI {lo} – {hi})',
  'time.seconds': '{s} s',
  'time.minutes': '{m} min {s} s',
  // The bundled datasets' descriptions, word for word as in datasets/manifest.json.
  'dataset.about.karate':
    'Friendships between 34 members of a university karate club (1970-72); the club later split in two. The classic small graph for classroom demonstrations.',
  'dataset.about.smallWorld':
    'A ring of 100 people, each tied to the 4 nearest, with each tie rewired at random with probability 0.1 (Watts-Strogatz): the shortcuts, drawn as chords, make the ring a small world. For classroom demonstrations.',
  'dataset.about.facebook':
    "Facebook friendships from 10 users' ego networks, combined (SNAP). Undirected: friends see each other's posts.",
  'dataset.about.email':
    "Internal e-mail of a European research institution (SNAP). Line 'a b': a sent mail to b, so a's messages reach b. Directed, 642 self-loops.",
  'dataset.about.wikiVote':
    "Wikipedia adminship votes up to January 2008 (SNAP). Line 'a b': a voted on b, read here as a paying attention to b, so b's posts reach a. Directed.",
  'dataset.about.netHept':
    "arXiv hep-th co-authorship, the classic influence-maximization benchmark. First line is the 'n m' header; third column is the weighted-cascade probability 1/indeg(v) for arc u -> v.",
  'dataset.about.slashdot':
    "Slashdot Zoo friend/foe tags, February 2009 (SNAP). Line 'a b': a tagged b, read as a following b, so b's posts reach a. Directed, 78,303 self-loops.",
  'language.changed': 'The interface is now in English.',
  'app.documentTitle': 'Ripple: relationship-chain diffusion simulator',
} as const;

export type StringKey = keyof typeof EN;
export type Catalogue = Record<StringKey, string>;

const catalogues: Record<string, Catalogue> = { en: EN };
let current: Catalogue = EN;
let currentLocale = 'en';

/** Add or replace a language's table. */
export function registerLocale(locale: string, table: Catalogue): void {
  catalogues[locale] = table;
}

export function setLocale(locale: string): void {
  const previous = currentLocale;
  current = catalogues[locale] ?? EN;
  currentLocale = catalogues[locale] ? locale : 'en';
  if (currentLocale !== previous)
    for (const listener of [...localeListeners]) listener(currentLocale, previous);
}

const localeListeners = new Set<(locale: string, previous: string) => void>();

/** Called after every change of language (new and previous tag); returns an unsubscribe function. */
export function onLocaleChange(listener: (locale: string, previous: string) => void): () => void {
  localeListeners.add(listener);
  return () => localeListeners.delete(listener);
}

/** A registered language's table, or undefined. */
export function catalogueOf(locale: string): Catalogue | undefined {
  return catalogues[locale];
}

/** The tags of the registered languages, English first. */
export function locales(): string[] {
  return Object.keys(catalogues);
}

/** The text for key with {placeholders} filled in. */
export function t(key: StringKey, vars: Record<string, string | number> = {}): string {
  const text: string = current[key] ?? EN[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Whether a language writes full-width punctuation (，：。) that carries its own spacing. */
export function fullWidthPunctuation(locale: string): boolean {
  return /^zh/i.test(locale);
}

/** A label followed by a colon as the current language writes it: "Mean reach: ", "平均触达：". */
export function labelColon(key: StringKey): string {
  return fullWidthPunctuation(currentLocale) ? `${t(key)}：` : `${t(key)}: `;
}

/** The current language tag (e.g. for a cached Intl.NumberFormat in long tables). */
export function currentLanguage(): string {
  return currentLocale;
}

/** Numbers as the current language writes them. */
export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString(currentLocale, {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}

/** A date (and, unless dateOnly, time) as the current language writes it. */
export function formatDate(value: Date | number, dateOnly = false): string {
  const options: Intl.DateTimeFormatOptions = dateOnly
    ? { dateStyle: 'medium' }
    : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(currentLocale, options).format(value);
}

/** A time span as the current language writes it ("45 s", "2 min 5 s"; "45 秒", "2 分 5 秒"). */
export function formatDuration(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 90 ? t('time.seconds', { s }) : t('time.minutes', { m: Math.floor(s / 60), s: s % 60 });
}
