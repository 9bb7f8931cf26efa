import { benchProbe } from './probe'; await benchProbe();
