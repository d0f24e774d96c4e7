/**
 * How commands reach a Ripple cluster (docs/cluster.md): the Redis URL of the shard queue, how
 * long to wait with no worker connected, and how many shards a worker runs at once.
 */
import { integerParam, numberParam, stringParam } from '../util/param-spec.ts';

export const CLUSTER = stringParam({
  name: 'cluster',
  flag: 'cluster',
  metavar: 'URL',
  label: { en: 'Cluster', zh: '集群' },
  help: {
    en: 'run the shards on the ripple workers of this Redis (redis://[:PASSWORD@]HOST:PORT, or rediss:// for TLS); the results equal the local run with the same --rng',
    zh: '在此 Redis 上的 ripple 工作进程中运行分片（redis://[:密码@]主机:端口，TLS 用 rediss://）；结果与相同 --rng 的本地运行完全一致',
  },
  absent: { en: 'this machine only', zh: '仅本机' },
});

export const CLUSTER_TIMEOUT = numberParam({
  name: 'clusterTimeout',
  flag: 'cluster-timeout',
  metavar: 'S',
  label: { en: 'Cluster timeout', zh: '集群等待时限' },
  help: {
    en: 'with --cluster: give up after S seconds with no worker connected',
    zh: '配合 --cluster：连续 S 秒没有工作进程连接时放弃',
  },
  absent: { en: 'wait for a worker', zh: '一直等待工作进程' },
  min: 0,
  minExclusive: true,
  max: 7 * 24 * 3600,
  unit: { en: 's', zh: '秒' },
});

export const CONCURRENCY = integerParam({
  name: 'concurrency',
  flag: 'concurrency',
  metavar: 'N',
  label: { en: 'Shards at once', zh: '同时运行的分片数' },
  help: {
    en: 'shards this worker runs at once (each spread over its worker threads)',
    zh: '此工作进程同时运行的分片数（每个分片分布在其工作线程上）',
  },
  default: 2,
  min: 1,
  max: 64,
});

export const CLUSTER_PARAMS = {
  cluster: CLUSTER,
  clusterTimeout: CLUSTER_TIMEOUT,
  concurrency: CONCURRENCY,
} as const;
