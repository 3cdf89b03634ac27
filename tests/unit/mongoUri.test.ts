import { withDatabase } from '../helpers/mongoUri'

describe('MongoDB test URI', () => {
  it('replaces the database of a multi-host replica-set URI and keeps hosts and options', () => {
    expect(withDatabase('mongodb://h1:27017,h2:27017,h3:27017/hotline?replicaSet=rs0&w=majority', 'test_1')).toBe(
      'mongodb://h1:27017,h2:27017,h3:27017/test_1?replicaSet=rs0&w=majority',
    )
    expect(withDatabase('mongodb://u:p%40ss@h1,h2/?replicaSet=rs0', 'test_1')).toBe(
      'mongodb://u:p%40ss@h1,h2/test_1?replicaSet=rs0',
    )
    expect(withDatabase('mongodb+srv://cluster.example.com', 'test_1')).toBe('mongodb+srv://cluster.example.com/test_1')
    expect(withDatabase('mongodb://localhost:27017/x', 'test_1')).toBe('mongodb://localhost:27017/test_1')
    expect(() => withDatabase('http://h1/x', 'y')).toThrow()
  })
})
