#!/usr/bin/python3
"""The python-igraph side of `npm run bench -- peers=igraph` (bench/peers/igraph.ts).

    /usr/bin/python3 bench/igraph-peer.py TASK FILE [--directed] [--repeat R]

Loads FILE, an edge list of integer ids 0..n-1 without comment lines ("a b" per line), as a
user of igraph would: Graph.Read_Edgelist, then simplify() (Ripple drops self-loops and merges
duplicate lines too). --directed reads "a b" as an arc a -> b (a follows-file, as Ripple reads
soc-Slashdot0902 with --direction follows); otherwise the graph is undirected. TASK is one of:

  betweenness  g.betweenness(directed=False), scaled to networkx normalized=True as Ripple is:
               igraph counts each unordered pair once, so x 2 / ((n-1)(n-2))
  closeness    g.closeness() (normalized: (reached-1) / total distance; Ripple's Wasserman-Faust
               score is the same on a connected graph)
  pagerank     g.pagerank(directed, damping=0.85): a follower links to whom it follows, which is
               Ripple's PageRank of a follows-file
  eigenvector  g.eigenvector_centrality(scale=False), rescaled to unit Euclidean norm as Ripple's
  louvain      g.community_multilevel() (random.seed(1)), its modularity and community count

Prints one JSON line: n, arcs, load and compute seconds (compute: the median of R repeats of the
computation alone, on one core; igraph is single-threaded), the top 10 as [id, score] in Ripple's
conventions, or the modularity and count for louvain.
"""
import json
import random
import statistics
import sys
import time

import igraph


def main():
    task, path = sys.argv[1], sys.argv[2]
    directed = "--directed" in sys.argv
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 1

    t0 = time.perf_counter()
    g = igraph.Graph.Read_Edgelist(path, directed=directed)
    g.simplify()
    load = time.perf_counter() - t0
    n = g.vcount()

    def compute():
        if task == "betweenness":
            return g.betweenness(directed=False)
        if task == "closeness":
            return g.closeness()
        if task == "pagerank":
            return g.pagerank(directed=directed, damping=0.85)
        if task == "eigenvector":
            return g.eigenvector_centrality(directed=directed, scale=False)
        if task == "louvain":
            random.seed(1)
            return g.community_multilevel()
        raise SystemExit(f"unknown task {task}")

    times = []
    result = None
    for _ in range(repeat):
        t = time.perf_counter()
        result = compute()
        times.append(time.perf_counter() - t)

    out = {
        "task": task,
        "n": n,
        "arcs": g.ecount() * (1 if directed else 2),
        "load": load,
        "compute": statistics.median(times),
        "repeat": repeat,
    }
    if task == "louvain":
        out["modularity"] = g.modularity(result.membership)
        out["count"] = len(result)
    else:
        scores = list(result)
        if task == "betweenness":
            scale = 2 / ((n - 1) * (n - 2))
            scores = [x * scale for x in scores]
        elif task == "eigenvector":
            norm = sum(x * x for x in scores) ** 0.5
            scores = [abs(x) / norm for x in scores]
        top = sorted(range(n), key=lambda v: (-scores[v], v))[:10]
        out["top"] = [[str(v), scores[v]] for v in top]
    print(json.dumps(out))


main()
