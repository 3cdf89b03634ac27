import { EmbeddedEngine } from '../../src/search/embedded/EmbeddedEngine'
import { describeConformance } from './conformance'

describeConformance('embedded', async () => new EmbeddedEngine())
